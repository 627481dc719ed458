import { DomainError, ErrorDetail } from '@subsidy/common';
import { PolicyEngineError } from '@subsidy/policy';

const STATUS: Record<PolicyEngineError['code'], number> = {
  invalid_request: 400,
  missing_input: 400,
  unknown_tenant: 404,
  no_policy_in_force: 422,
  invalid_policy: 500,
};

/** The engine explains its errors in English (they name policy fields); a Chinese reader gets what the code means. */
const SUMMARY_ZH: Record<PolicyEngineError['code'], string> = {
  invalid_request: '测算请求的内容有误，请检查所填的成果信息',
  missing_input: '测算缺少必要的成果信息，请补充后再试',
  unknown_tenant: '没有找到该地区的政策文件',
  no_policy_in_force: '该日期没有有效的政策文件，无法测算资助金额',
  invalid_policy: '政策配置有误，暂时无法测算，请联系系统运维人员',
};

/** The award engine's own errors, carried to HTTP with their codes and the JSON path of the offending field. */
export class AwardCalculationError extends DomainError {
  readonly code: string;
  readonly status: number;

  constructor(source: PolicyEngineError) {
    const zh = SUMMARY_ZH[source.code];
    const details: ErrorDetail[] = source.path !== undefined ? [{ path: source.path, message: source.message, messageZh: zh }] : [];
    super({ zh, en: source.message }, details);
    this.code = source.code;
    this.status = STATUS[source.code];
  }
}

export class CalculationTenantMismatchError extends DomainError {
  readonly code = 'tenant_mismatch';
  readonly status = 403;
  constructor(pathTenant: string) {
    super({
      zh: '您登录的地区与所请求的地区不一致，不能为其他地区测算',
      en: `You are signed in for another tenant than ${pathTenant}; a platform administrator selects it with X-Tenant-Id`,
    });
  }
}
