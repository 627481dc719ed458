import achievementSchema from '../../../libs/policy/src/schema/achievement.schema.json';
import { ACHIEVEMENT_TYPES, fieldLabel, fieldsFor, TYPE_WORDS, typeLabel, valueLabel } from '../../../apps/web/src/pages/applicant/achievement-fields';

type Branch = { if: { properties: { type: { const: string } } }; then: { required?: string[]; properties?: Record<string, unknown> } };
const branches = (achievementSchema as unknown as { allOf: Branch[]; properties: { type: { enum: string[] } } }).allOf;

/** The applicant's achievement forms come from the engine's schema: every type, field and choice has words people read. */
describe('achievement forms generated from the achievement schema', () => {
  it('offers every type of the schema, each with Chinese and English words', () => {
    expect(ACHIEVEMENT_TYPES).toEqual((achievementSchema as unknown as { properties: { type: { enum: string[] } } }).properties.type.enum);
    for (const type of ACHIEVEMENT_TYPES) {
      expect(TYPE_WORDS[type]).toBeDefined();
      expect(typeLabel(type, 'zh')).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('asks for every required field of each type, marked required, and labels every field in Chinese', () => {
    for (const branch of branches) {
      const type = branch.if.properties.type.const;
      const fields = fieldsFor(type);
      for (const name of branch.then.required ?? []) expect(fields.find((field) => field.path.join('.') === name)?.required).toBe(true);
      for (const field of fields) expect(fieldLabel(field, type, 'zh')).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('words every choice, never showing a schema value such as provincial_local', () => {
    for (const type of ACHIEVEMENT_TYPES) {
      for (const field of fieldsFor(type).filter((candidate) => candidate.kind === 'select')) {
        for (const option of field.options ?? []) {
          const words = valueLabel(option, 'zh');
          expect(words === option ? /^[0-9A-Z]+$/.test(option) : true).toBe(true);
        }
      }
    }
  });

  it('takes dates as dates, costs as an amount in yuan, ranks as whole numbers', () => {
    const standard = fieldsFor('standard');
    expect(standard.find((field) => field.path[0] === 'publishedOn')?.kind).toBe('date');
    expect(standard.find((field) => field.path[0] === 'costsIncurredFen')?.kind).toBe('money');
    expect(standard.find((field) => field.path[0] === 'draftingRank')?.kind).toBe('integer');
    expect(standard.find((field) => field.path.join('.') === 'adoption.enterpriseCount')?.kind).toBe('integer');
  });
});
