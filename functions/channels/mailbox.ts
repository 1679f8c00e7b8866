import { mkdir, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MessageChannel, OutboxMessage } from '#domain/engagement/outbox.ts';
import type { Rendered } from '#domain/engagement/templates.ts';

const safe = (s: string): string => s.replace(/[^A-Za-z0-9@._-]/g, '_');
/** A file is `<date>-<template>-<message id>.eml`; message ids may hold dashes themselves. */
const idOf = (file: string, ids: ReadonlySet<string>): boolean => [...ids].some((id) => file.endsWith(`-${id}.eml`));

/**
 * The local e-mail channel: each message becomes an `.eml` file under `<dir>/<recipient>/`, which
 * any mail program or text editor opens — what Kindling would have sent, without sending it.
 */
export function mailboxChannel(dir: string): MessageChannel {
  return {
    name: 'mailbox',
    async deliver(message: OutboxMessage, rendered: Rendered) {
      const to = message.recipient.email ?? 'nobody';
      const folder = join(dir, safe(to));
      await mkdir(folder, { recursive: true });
      const eml = [
        'From: Kindling <kindling@localhost>',
        `To: ${message.recipient.name} <${to}>`,
        `Subject: ${rendered.subject}`,
        `Date: ${new Date().toUTCString()}`,
        `Message-ID: <${message.id}@kindling.local>`,
        `X-Kindling-Template: ${message.template}`,
        'Content-Type: text/plain; charset=utf-8',
        `Content-Language: ${message.recipient.locale}`,
        '',
        rendered.text,
        '',
      ].join('\r\n');
      // Named by the message id: delivering the same message again rewrites one file, never adds a second.
      await writeFile(join(folder, `${message.createdAt.slice(0, 10)}-${message.template.toLowerCase()}-${message.id}.eml`), eml);
    },
    /** Erasure: the messages' files go, and a recipient's folder (named by their address) once it is empty. */
    async forget(messageIds) {
      if (messageIds.length === 0) return;
      const ids = new Set(messageIds);
      const folders = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const folder of folders.filter((f) => f.isDirectory())) {
        const path = join(dir, folder.name);
        const files = await readdir(path);
        const gone = files.filter((f) => idOf(f, ids));
        await Promise.all(gone.map((f) => rm(join(path, f), { force: true })));
        if (gone.length === files.length) await rmdir(path).catch(() => undefined);
      }
    },
  };
}

/** Where no channel is configured (AWS without SES settings): the message is recorded in the outbox and the console only. */
export const consoleOnlyChannel: MessageChannel = {
  name: 'console',
  async deliver() {},
};
