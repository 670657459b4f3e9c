import { sumDecimals } from './decimal-math';
import { decimalToJsonNumber } from './decimal-to-json';

/** Money as the statements give it: an exact decimal string (or null when there is none) and its currency. */
export interface PricedItem {
  amount: string | null;
  currency: string;
}

/** `{currency: amount}` of the items' exact sums (2 decimals); an item without an amount adds nothing. */
export function amountsByCurrency(items: readonly PricedItem[]): Record<string, number> {
  const byCurrency = new Map<string, string[]>();
  for (const item of items) {
    if (item.amount === null) continue;
    const amounts = byCurrency.get(item.currency);
    if (amounts) amounts.push(item.amount);
    else byCurrency.set(item.currency, [item.amount]);
  }
  return Object.fromEntries([...byCurrency].map(([currency, amounts]) => [currency, decimalToJsonNumber(sumDecimals(amounts, 2))]));
}
