import { asc, eq } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteInsertValue, SQLiteTable, SQLiteUpdateSetSource } from 'drizzle-orm/sqlite-core';
import type { Contact, ContactInput } from '../../shared/employers';
import { refuse } from '../core/errors';
import type { ReadDb, WriteDb } from '../db/handles';
import { newId } from '../core/clock';

/** A table of contacts (employer_contacts, partner_contacts): the same columns, another owner. */
type ContactTable = SQLiteTable & {
  id: SQLiteColumn;
  name: SQLiteColumn;
  role: SQLiteColumn;
  phone: SQLiteColumn;
  email: SQLiteColumn;
  position: SQLiteColumn;
};

/** The record a list of contacts belongs to (employers, partners). */
type OwnerTable = SQLiteTable & { id: SQLiteColumn; updatedAt: SQLiteColumn };

/**
 * Writes a record (an employer, a partner) and its contacts in one transaction, and reads the
 * contacts back in order. A list that is sent replaces the stored one; a list left out changes
 * nothing; a contact sent back with its id keeps it (it must be one of the record's own).
 */
export function recordWithContacts<Owner extends OwnerTable, Table extends ContactTable>(
  owner: Owner,
  contactTable: Table,
  ownerColumn: SQLiteColumn,
  contactRow: (ownerId: string, contact: Contact, position: number) => SQLiteInsertValue<Table>,
) {
  const columns = {
    id: contactTable.id,
    name: contactTable.name,
    role: contactTable.role,
    phone: contactTable.phone,
    email: contactTable.email,
  };
  const contactsOf = (db: ReadDb, ownerId: string): Contact[] =>
    db.select(columns).from(contactTable).where(eq(ownerColumn, ownerId)).orderBy(asc(contactTable.position)).all() as Contact[];

  /** Checked before writing (`ownerId` null: a record being created has no contacts yet). */
  function check(db: ReadDb, ownerId: string | null, contacts: ContactInput[] | undefined): void {
    if (!contacts) return;
    const known = new Set(ownerId === null ? [] : contactsOf(db, ownerId).map((contact) => contact.id));
    contacts.forEach((contact, index) => {
      if (contact.id !== undefined && !known.has(contact.id)) refuse({ [`contacts.${index}.id`]: 'common.errors.notFound' });
    });
  }

  function writeContacts(tx: WriteDb, ownerId: string, contacts: ContactInput[] | undefined): void {
    if (contacts === undefined) return;
    tx.delete(contactTable).where(eq(ownerColumn, ownerId)).run();
    if (contacts.length === 0) return;
    tx.insert(contactTable)
      .values(contacts.map((contact, position) => contactRow(ownerId, { ...contact, id: contact.id ?? newId() }, position)))
      .run();
  }

  return {
    contactsOf,
    /** Replaces a record's contacts inside the caller's transaction (ids as given). */
    writeContacts,

    /** `values` carries the new id and the timestamps. */
    insert(db: WriteDb, values: SQLiteInsertValue<Owner> & { id: string }, contacts: ContactInput[] | undefined): void {
      check(db, null, contacts);
      db.transaction((tx) => {
        tx.insert(owner).values(values).run();
        writeContacts(tx, values.id, contacts);
      });
    },

    /** Changes the columns sent (and updatedAt) and, when sent, the contacts. */
    update(db: WriteDb, id: string, values: SQLiteUpdateSetSource<Owner> & { updatedAt: string }, contacts: ContactInput[] | undefined): void {
      check(db, id, contacts);
      db.transaction((tx) => {
        tx.update(owner).set(values).where(eq(owner.id, id)).run();
        writeContacts(tx, id, contacts);
      });
    },
  };
}
