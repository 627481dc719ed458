import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '@subsidy/auth';
import { TenantTransactions } from '@subsidy/database';
import { Idempotent } from '@subsidy/idempotency';
import { Actor } from '@subsidy/tenancy';
import type { Response } from 'express';
import { ownPayer } from '../payer-access';
import { BatchStore, BatchView } from '../payments/batch-store';
import { batchWorkbook } from '../payments/batch-workbook';
import { ConfirmPaymentBatch } from '../payments/confirm-batch';
import { ConfirmLineAccount } from '../payments/confirm-line-account';
import { CreatePaymentBatch } from '../payments/create-batch';
import { MeetInstallmentCondition } from '../payments/meet-condition';
import { ConditionMetDto, ConfirmBatchDto, ConfirmLineAccountDto, CreateBatchDto } from './finance.dto';
import { XLSX } from './finance.controller';
import { uuidParam } from './uuid-param';
import { ApiFileResponse } from '@subsidy/common';
import { BatchListResponse, BatchResponse, ClawbackListResponse, InstallmentDueResponse } from './finance-responses';
import { ClawbackListItem, listClawbacks } from '../clawbacks/clawback-list';
import { findProgram } from '../program-lookup';

@ApiTags('finance')
@ApiBearerAuth()
@Controller('finance')
@Roles('finance_officer')
export class PaymentsController {
  constructor(
    private readonly transactions: TenantTransactions,
    private readonly createBatch: CreatePaymentBatch,
    private readonly confirmBatch: ConfirmPaymentBatch,
    private readonly meetCondition: MeetInstallmentCondition,
    private readonly confirmLineAccount: ConfirmLineAccount,
  ) {}

  @Post('programs/:id/batches')
  @Idempotent('finance.batch.create')
  @ApiOperation({ summary: "Put a payer's due installments into a payment batch; needs an Idempotency-Key" })
  @ApiCreatedResponse({ type: BatchResponse })
  create(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: CreateBatchDto): Promise<BatchView> {
    return this.createBatch.execute(actor, id, body.payer);
  }

  @Post('programs/:id/batches/release')
  @HttpCode(202)
  @Idempotent('finance.batch.release')
  @ApiOperation({ summary: "Release a payer's due installments as a batch whose lines the worker instructs, one job per line; needs an Idempotency-Key" })
  @ApiAcceptedResponse({ type: BatchResponse })
  release(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: CreateBatchDto): Promise<BatchView> {
    return this.createBatch.execute(actor, id, body.payer, 'queued');
  }

  @Get('programs/:id/batches')
  @ApiOperation({ summary: "The program's payment batches with their lines, newest first (a district-level officer: its own payer's)" })
  @ApiOkResponse({ type: BatchListResponse })
  batches(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<{ programId: string; batches: BatchView[] }> {
    const payer = ownPayer(actor);
    return this.transactions.run(async (manager) => {
      await findProgram(manager, id);
      return { programId: id, batches: await BatchStore.list(manager, id, payer) };
    });
  }

  @Get('programs/:id/clawbacks')
  @ApiOperation({ summary: "The program's clawbacks with what each payer is owed and has received back, newest first (a district-level officer: its own payer's)" })
  @ApiOkResponse({ type: ClawbackListResponse })
  clawbacks(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<{ programId: string; clawbacks: ClawbackListItem[] }> {
    const payer = ownPayer(actor);
    return this.transactions.run((manager) => listClawbacks(manager, id, payer));
  }

  @Get('batches/:id')
  @ApiOkResponse({ type: BatchResponse })
  batch(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string): Promise<BatchView> {
    return this.visibleBatch(actor, id);
  }

  @Get('batches/:id/export.xlsx')
  @ApiProduces(XLSX)
  @ApiFileResponse('The spreadsheet (.xlsx)', XLSX)
  @ApiOperation({ summary: 'The batch as the treasury payment system imports it' })
  async export(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Res() response: Response): Promise<void> {
    const bytes = await batchWorkbook(await this.visibleBatch(actor, id));
    response.status(200).set({ 'Content-Type': XLSX, 'Content-Disposition': `attachment; filename="payment-batch-${id}.xlsx"` }).send(bytes);
  }

  @Post('batches/:id/confirm')
  @HttpCode(200)
  @Idempotent('finance.batch.confirm')
  @ApiOperation({ summary: "Record the bank's outcome, for the whole batch or per line; needs an Idempotency-Key" })
  @ApiOkResponse({ type: BatchResponse })
  confirm(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: ConfirmBatchDto): Promise<BatchView> {
    return this.confirmBatch.execute(actor, { batchId: id, bankReference: body.bankReference, lines: body.lines });
  }

  @Post('batches/:id/account-confirmations')
  @HttpCode(200)
  @Idempotent('finance.batch.confirm-account')
  @ApiOperation({ summary: "Confirm the changed payee account of a line held for it; the worker then instructs the line. Needs an Idempotency-Key" })
  @ApiOkResponse({ type: BatchResponse })
  confirmAccount(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: ConfirmLineAccountDto): Promise<BatchView> {
    return this.confirmLineAccount.execute(actor, { batchId: id, lineNo: body.lineNo, accountNo: body.accountNo, note: body.note.trim() });
  }

  @Post('installments/:id/condition-met')
  @HttpCode(200)
  @ApiOperation({ summary: "An installment's condition (e.g. acceptance) is met: it falls due" })
  @ApiOkResponse({ type: InstallmentDueResponse })
  conditionMet(@CurrentActor() actor: Actor, @Param('id', uuidParam('id')) id: string, @Body() body: ConditionMetDto): Promise<{ installmentId: string; status: 'due' }> {
    return this.meetCondition.execute(actor, id, body.note);
  }

  /** A district-level officer reads its own payer's batches only; another payer's is 404, like a missing one. */
  private visibleBatch(actor: Actor, id: string): Promise<BatchView> {
    const payer = ownPayer(actor);
    return this.transactions.run((manager) => BatchStore.get(manager, id, false, payer));
  }
}
