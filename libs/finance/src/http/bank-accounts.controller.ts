import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { Actor } from '@subsidy/tenancy';
import { BankAccounts, BankAccountView } from '../bank-accounts/bank-accounts';
import { BankAccountDto } from './finance.dto';
import { uuidParam } from './uuid-param';
import { BankAccountResponse } from './finance-responses';

@ApiTags('finance')
@ApiBearerAuth()
@Controller('finance/organizations/:id/bank-account')
@Roles('finance_officer', 'applicant')
export class BankAccountsController {
  constructor(private readonly accounts: BankAccounts) {}

  @Put()
  @ApiOkResponse({ type: BankAccountResponse })
  set(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: BankAccountDto): Promise<BankAccountView> {
    return this.accounts.set(actor, id, body);
  }
}
