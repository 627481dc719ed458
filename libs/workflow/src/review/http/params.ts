import { PipeTransform } from '@nestjs/common';
import { ValidationFailedError } from '@subsidy/common';

export { uuidParam } from '@subsidy/common';

const ACHIEVEMENT_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** An achievement id path parameter, as the schema allows them. */
export const achievementIdParam: PipeTransform<string, string> = {
  transform(value: string): string {
    if (!ACHIEVEMENT_ID.test(value)) {
      throw new ValidationFailedError({ zh: '链接中的成果编号有误', en: 'Invalid request: achievementId' }, [
        { path: 'achievementId', message: 'achievementId must be 1-64 letters, digits, _ or -', messageZh: '成果编号格式有误' },
      ]);
    }
    return value;
  },
};
