import { Module } from '@nestjs/common';
import { PolicyWhatIfController } from './policy-what-if.controller';
import { RunPolicyWhatIf } from './run-policy-what-if';

/** The what-if of a policy version over real applications (issue 11); reads only. */
@Module({
  controllers: [PolicyWhatIfController],
  providers: [RunPolicyWhatIf],
})
export class PolicyWhatIfModule {}
