export * from './dto/register-organization.dto';
export * from './organization-errors';
export * from './organization-record';
export * from './organizations.module';
export * from './organizations.service';
export * from './uscc/is-uscc.decorator';
export * from './uscc/uscc';
