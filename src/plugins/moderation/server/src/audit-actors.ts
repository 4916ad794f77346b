import type { Core } from '@strapi/strapi';
import { EVENT_UID } from './uids';

type JoinTable = { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };

/**
 * Audit records written before `actorId`/`actorEmail` existed name their actor only through the
 * `actor` link, which goes when the admin account is deleted. At boot, every such record whose
 * account still exists gets the account's id and email copied into its own columns. It only
 * fills empty columns, once: the trail stays append-only (plain SQL, below the lifecycle guard
 * that refuses edits from every API).
 */
export async function backfillAuditActors(strapi: Core.Strapi): Promise<number> {
  const event = strapi.db.metadata.get(EVENT_UID);
  const user = strapi.db.metadata.get('admin::user');
  const joinTable = (event.attributes.actor as unknown as { joinTable: JoinTable }).joinTable;
  const column = (attribute: string) => (event.attributes[attribute] as unknown as { columnName: string }).columnName;
  const knex = strapi.db.connection;
  const result = await knex.raw(
    `UPDATE ?? AS e
        SET ?? = u.id, ?? = u.email
       FROM ?? AS l JOIN ?? AS u ON u.id = l.??
      WHERE l.?? = e.id AND e.?? IS NULL`,
    [
      event.tableName,
      column('actorId'),
      column('actorEmail'),
      joinTable.name,
      user.tableName,
      joinTable.inverseJoinColumn.name,
      joinTable.joinColumn.name,
      column('actorId'),
    ],
  );
  return (result as { rowCount?: number }).rowCount ?? 0;
}
