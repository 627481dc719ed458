/**
 * Test-data factories shared by every integration and e2e suite. They write through the superuser connection of a
 * TestDatabase (past row-level security, no audit records) so each suite builds exactly the tenants, districts,
 * users and organizations it needs:
 *
 *   const db = await createTestDatabase();
 *   const tenant = await createTenant(db);                       // districts 370102, 370103
 *   const officer = await createUser(db, { tenantId: tenant.id, role: 'program_officer' });
 *   const session = await login(app, officer);                   // session.headers for supertest
 */
export * from './organizations';
export * from './sessions';
export * from './superuser';
export * from './tenants';
export * from './unique';
export * from './users';
export * from './uscc';
export * from './applications';
export * from './programs';
