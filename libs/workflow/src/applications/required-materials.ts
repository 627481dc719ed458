import { ErrorDetail } from '@subsidy/common';
import { CallSettings } from '../core';

/** One material the call requires for an achievement, and the evidence files that supply it. */
export interface RequiredMaterial {
  material: string;
  /** Files uploaded for this achievement (or for the whole application) under this material's name. */
  evidenceIds: string[];
  present: boolean;
}

/** Per achievement: what the call requires for its type and what is there. */
export interface AchievementMaterials {
  achievementId: string;
  type: string;
  /** The achievement's place in the claimed list, as submission errors name it: `achievements[2]`. */
  path: string;
  required: RequiredMaterial[];
  missing: string[];
}

export interface MaterialsCheck {
  complete: boolean;
  achievements: AchievementMaterials[];
}

interface EvidenceRef {
  id: string;
  achievementId: string | null;
  material: string | null;
}

const same = (a: string | null, b: string): boolean => a !== null && a.trim() === b.trim();

/**
 * Matches the call's materials (call.materials, listed per achievement type) against the uploaded evidence. A file
 * tagged with an achievement supplies that achievement's material; a file tagged with no achievement is the
 * application's own (e.g. the one application form every type lists) and supplies the material for every achievement.
 */
export function materialsCheck(
  call: Pick<CallSettings, 'materials'>,
  achievements: ReadonlyArray<{ id: string; type: string }>,
  evidence: readonly EvidenceRef[],
): MaterialsCheck {
  const checked = achievements.map((achievement, index): AchievementMaterials => {
    const listed = call.materials[achievement.type] ?? [];
    const required = listed.map((material): RequiredMaterial => {
      const evidenceIds = evidence
        .filter((file) => (file.achievementId === achievement.id || file.achievementId === null) && same(file.material, material))
        .map((file) => file.id);
      return { material, evidenceIds, present: evidenceIds.length > 0 };
    });
    return {
      achievementId: achievement.id,
      type: achievement.type,
      path: `achievements[${index}]`,
      required,
      missing: required.filter((r) => !r.present).map((r) => r.material),
    };
  });
  return { complete: checked.every((a) => a.missing.length === 0), achievements: checked };
}

/** One detail per missing (achievement, material) pair, in Chinese and English. */
export function missingMaterialDetails(check: MaterialsCheck): ErrorDetail[] {
  return check.achievements.flatMap((a) =>
    a.missing.map((material) => ({
      path: a.path,
      message: `achievement ${a.achievementId} (${a.type}) lacks the required material "${material}"`,
      messageZh: `成果 ${a.achievementId}（${a.type}）缺少申报通知要求的材料“${material}”`,
    })),
  );
}
