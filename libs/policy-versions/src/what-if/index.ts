export { PolicyWhatIfModule } from './policy-what-if.module';
export { RunPolicyWhatIf, type WhatIfScope } from './run-policy-what-if';
export { WhatIfReportDto, WhatIfRequestDto } from './what-if.dto';
