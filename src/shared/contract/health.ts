/** The engine's state: GET /api/health. */
import { Data, Nullable, StringEnum, Type, type Static } from './schema';
import { defineOperation } from './operation';

export const StorageProblem = Type.Object(
  {
    reason: StringEnum(['disk_full', 'read_only', 'database_error']),
    message: Type.String({ description: "SQLite's own words." }),
    since: Type.String({ description: 'When writes started to fail.' }),
  },
  { description: 'Why captures cannot be stored right now.' },
);
export type StorageProblem = Static<typeof StorageProblem>;

export const Health = Type.Object({
  status: StringEnum(['ok', 'degraded'], {
    description: '`degraded` while captures cannot be stored (`storage_problem` says why); `ok` again once they can.',
  }),
  storage_problem: Nullable(StorageProblem),
  version: Type.String(),
  receiver_url: Type.String(),
  ui_url: Type.String(),
  data_dir: Type.String(),
  log_file: Type.String({ description: "The engine's log: lifecycle, warnings, errors with their stack." }),
  body_limit_bytes: Type.Integer(),
  receiver_connections: Type.Object(
    { open: Type.Integer(), max: Type.Integer(), refused: Type.Integer(), closed_silent: Type.Integer() },
    { description: "The receiver's connections: open now, the most accepted at once, refused, closed for silence." },
  ),
});
export type Health = Static<typeof Health>;

export const getHealth = defineOperation({
  method: 'GET',
  url: '/api/health',
  operationId: 'getHealth',
  summary:
    'the engine: `status` (`ok`, or `degraded` while captures cannot be stored: `storage_problem` `{reason: disk_full | read_only | database_error, message, since}`), `version`, `receiver_url`, `ui_url`, `data_dir`, `log_file`, `body_limit_bytes`, `receiver_connections` `{open, max, refused, closed_silent}`',
  tags: ['engine'],
  responses: { 200: Data(Health) },
});
