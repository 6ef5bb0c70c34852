import { sql } from 'drizzle-orm';
import type { Database } from '../database';

/** For `/health`: true when the database answers a trivial query, false instead of throwing. */
export async function checkDatabase(db: Database): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
