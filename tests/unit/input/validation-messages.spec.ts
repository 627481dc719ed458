import { ArgumentMetadata } from '@nestjs/common';
import { CHINESE_TEMPLATES, createValidationPipe, ErrorDetail, IsCalendarDate, ValidationFailedError } from '@subsidy/common';
import { Type } from 'class-transformer';
import { ArrayMaxSize, getMetadataStorage, IsArray, IsIn, IsInt, IsString, Max, MaxLength, ValidateNested } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
// Every module's DTOs, as the application registers them.
import '../../../apps/api/src/app.module';

class Item {
  @IsString()
  @MaxLength(5)
  title!: string;
}

class Sample {
  @IsString()
  @MaxLength(500)
  reason!: string;

  @IsInt()
  @Max(10)
  count!: number;

  @IsIn(['fraud', 'misuse'])
  kind!: string;

  @IsCalendarDate()
  foundOn!: string;

  @IsArray()
  @ArrayMaxSize(2)
  @ValidateNested({ each: true })
  @Type(() => Item)
  items!: Item[];
}

async function details(body: unknown, metatype: ArgumentMetadata['metatype'] = Sample): Promise<ErrorDetail[]> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype });
    return [];
  } catch (error) {
    if (error instanceof ValidationFailedError) return error.details;
    throw error;
  }
}

describe('validation details in Chinese and English', () => {
  it('gives every detail a Chinese message naming the field and the rule’s own numbers and values', async () => {
    const found = await details({ reason: 'x'.repeat(501), count: 11, kind: 'other', foundOn: '2023-02-30', items: [{ title: 'toolong' }], extra: 1 });
    expect(found).toEqual(
      expect.arrayContaining([
        { path: 'reason', message: 'reason must be shorter than or equal to 500 characters', messageZh: 'reason 不能超过 500 个字符' },
        { path: 'count', message: 'count must not be greater than 10', messageZh: 'count 不能大于 10' },
        { path: 'kind', message: expect.stringContaining('fraud, misuse'), messageZh: 'kind 必须是以下之一：fraud、misuse' },
        { path: 'foundOn', message: 'foundOn must be a calendar date YYYY-MM-DD', messageZh: expect.stringContaining('foundOn 必须是实际存在的日期') },
        { path: 'items[0].title', message: 'title must be shorter than or equal to 5 characters', messageZh: 'items[0].title 不能超过 5 个字符' },
        { path: 'extra', message: 'property extra should not exist', messageZh: '不允许的字段 extra' },
      ]),
    );
    expect(found.every((detail) => typeof detail.messageZh === 'string' && /[\u4e00-\u9fff]/.test(detail.messageZh))).toBe(true);
  });

  it('says the whole request is invalid in both languages', async () => {
    try {
      await createValidationPipe().transform({}, { type: 'body', metatype: Sample });
      throw new Error('expected a validation error');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationFailedError);
      expect((error as ValidationFailedError).localized).toEqual({ zh: '提交的内容有误，请按各项提示修改', en: expect.stringMatching(/^Invalid request: reason/) });
    }
  });

  it('has a Chinese template for every constraint any DTO of the application uses', () => {
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, ValidationMetadata[]> };
    const used = new Set<string>();
    for (const rules of storage.validationMetadatas.values()) {
      for (const rule of rules) if (rule.type !== 'conditionalValidation') used.add(rule.name ?? rule.type);
    }
    // The pipe's own constraints: unknown fields and a body that is no object.
    used.add('whitelistValidation');
    used.add('unknownValue');
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((name) => !(name in CHINESE_TEMPLATES)).sort()).toEqual([]);
  });
});
