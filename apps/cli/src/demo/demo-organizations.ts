/**
 * One demo applicant organization per seed tenant, registered in one of its districts. The credit codes were built
 * with valid GB 32100 / GB 11714 check characters (tests/unit/demo verifies them with the product's validator).
 */
export const DEMO_ORGANIZATIONS: Record<string, { uscc: string; name: string; districtCode: string }> = {
  beijing: { uscc: '91110105MA3D1000XL', name: '北京示范标准化科技有限公司', districtCode: '110105' },
  tianjin: { uscc: '91120116MA3D10018N', name: '天津滨海示范制造有限公司', districtCode: '120116' },
  liaocheng: { uscc: '91371502MA3D10026B', name: '聊城示范轴承有限公司', districtCode: '371502' },
  linyi: { uscc: '91371302MA3D10034U', name: '临沂示范食品有限公司', districtCode: '371302' },
  zhengzhou: { uscc: '91410105MA3D100429', name: '郑州示范装备有限公司', districtCode: '410105' },
  'guangzhou-huangpu': { uscc: '91440112MA3D10050L', name: '广州黄埔示范电子有限公司', districtCode: '440112' },
  foshan: { uscc: '91440606MA3D10069M', name: '佛山顺德示范家电有限公司', districtCode: '440606' },
  zaozhuang: { uscc: '91370481MA3D10077F', name: '滕州示范机床有限公司', districtCode: '370481' },
  weihai: { uscc: '91371002MA3D10085L', name: '威海示范海洋食品有限公司', districtCode: '371002' },
};
