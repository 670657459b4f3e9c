import { errorCatalog } from '@app/common';

export const webhookDeliveryError = errorCatalog({
  // The same text as the webhooks module's 404 (getWebhook).
  WebhookNotFound: [404, 'Webhook not found.'],
  NotFound: [404, 'Webhook delivery not found.'],
} as const);
