// Username-recovery review cases (U3) collect the organization code, not the USCC; cases submitted
// before the registry look-up by organization code have an empty USCC in the console's list. This
// fills it from the registry simulator's records (one match only) or, failing that, our enterprises.
import { QueryInterface, QueryTypes } from 'sequelize';

function orgCodeOf(data: string): string {
  try {
    const code = JSON.parse(data)?.applicant?.orgCode;
    return typeof code === 'string' ? code.trim().toUpperCase() : '';
  } catch {
    return '';
  }
}

export async function up({ context: qi }: { context: QueryInterface }) {
  const db = qi.sequelize;
  const cases = await db.query<{ id: number; data: string }>(
    "SELECT id, data FROM review_cases WHERE caseType = 'usernameRecovery' AND uscc = ''",
    { type: QueryTypes.SELECT },
  );
  for (const c of cases) {
    const orgCode = orgCodeOf(c.data);
    if (!orgCode) continue;
    const registry = await db.query<{ uscc: string }>('SELECT uscc FROM sim_registry_records WHERE orgCode = ? LIMIT 2', { replacements: [orgCode], type: QueryTypes.SELECT });
    const ours = registry.length === 1 ? [] : await db.query<{ uscc: string }>('SELECT uscc FROM enterprises WHERE orgCode = ? LIMIT 2', { replacements: [orgCode], type: QueryTypes.SELECT });
    const uscc = registry.length === 1 ? registry[0].uscc : ours.length === 1 ? ours[0].uscc : '';
    if (uscc) await db.query('UPDATE review_cases SET uscc = ? WHERE id = ?', { replacements: [uscc.toUpperCase(), c.id] });
  }
}

export async function down() {
  // Nothing to undo: the USCC filled in is the enterprise's own.
}
