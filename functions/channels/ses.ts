import type { MessageChannel, OutboxMessage } from '#domain/engagement/outbox.ts';
import type { Rendered } from '#domain/engagement/templates.ts';

/**
 * E-mail through Amazon SES (v2 API), used in AWS when `KINDLING_SES_FROM` names a verified sender.
 * The SDK is loaded on first use, so functions that never send mail do not pay for it.
 */
export function sesChannel(options: { from: string; configurationSet?: string | undefined; region?: string | undefined }): MessageChannel {
  let client: Promise<{ send: (message: OutboxMessage, rendered: Rendered) => Promise<void> }> | null = null;
  const load = async () => {
    const { SESv2Client, SendEmailCommand } = await import('@aws-sdk/client-sesv2');
    const ses = new SESv2Client(options.region ? { region: options.region } : {});
    return {
      send: async (message: OutboxMessage, rendered: Rendered) => {
        await ses.send(
          new SendEmailCommand({
            FromEmailAddress: options.from,
            Destination: { ToAddresses: [message.recipient.email as string] },
            Content: {
              Simple: {
                Subject: { Data: rendered.subject, Charset: 'UTF-8' },
                Body: { Text: { Data: rendered.text, Charset: 'UTF-8' } },
              },
            },
            ConfigurationSetName: options.configurationSet,
            EmailTags: [
              { Name: 'template', Value: message.template },
              { Name: 'tenant', Value: message.tenantId },
            ],
          }),
        );
      },
    };
  };
  return {
    name: 'ses',
    async deliver(message, rendered) {
      client ??= load();
      await (await client).send(message, rendered);
    },
  };
}
