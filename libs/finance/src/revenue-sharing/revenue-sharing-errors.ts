import { DomainError } from '@subsidy/common';

/**
 * The policy splits some awards by the city:district revenue-sharing ratio (cost_share byRevenueSharing, e.g. Linyi
 * 第六条), and a district those awards fall to has no recorded ratio: intake cannot tell who pays, so it commits nothing.
 */
export class RevenueSharingMissingError extends DomainError {
  readonly code = 'revenue_sharing_missing';
  readonly status = 409;
  constructor(article: string, districts: Array<{ code: string; name: string | null }>) {
    const names = districts.map((d) => `${d.name ?? d.code} (${d.code})`);
    super(
      {
        zh: `政策${article}规定相关资金按现行财政收入分享比例由市与县区分级承担，以下县区尚未录入分享比例：${names.join('、')}。请市级财政先录入（PUT /finance/revenue-sharing/{区县代码}），本次未作任何承诺。`,
        en: `${article} of the policy shares these awards between city and district by the fiscal revenue-sharing ratio, and no ratio is recorded for ${names.join(', ')}; record it first (PUT /finance/revenue-sharing/{districtCode}). Nothing was committed.`,
      },
      districts.map((d) => ({ path: `revenueSharing.${d.code}`, message: 'no revenue-sharing ratio recorded', messageZh: '未录入财政收入分享比例' })),
    );
  }
}

/** The district is not one of the tenant's. */
export class RevenueSharingDistrictUnknownError extends DomainError {
  readonly code = 'not_found';
  readonly status = 404;
  constructor(districtCode: string) {
    super({ zh: `本地区没有代码为 ${districtCode} 的区县`, en: `No district ${districtCode} in this tenant` }, [
      { path: 'districtCode', message: `${districtCode} is not a district of this tenant`, messageZh: `${districtCode} 不是本地区的区县` },
    ]);
  }
}
