/** The nine `screenshots` codes of contracts.md with their `screenshots_label` (only "Screenshot on" is documented). */
export const SCREENSHOT_LABELS = {
  full: 'Screenshot on',
  blurred: 'Blurred',
  no_preview: 'No preview',
  no_screenshot: 'Screenshot off',
  background_blurred: 'Background blurred',
  video_full: 'Video on',
  video_blurred: 'Video blurred',
  video_full_silent: 'Silent video on',
  video_blurred_silent: 'Silent video blurred',
} as const;

export type ScreenshotMode = keyof typeof SCREENSHOT_LABELS;

export const SCREENSHOT_MODES = Object.keys(SCREENSHOT_LABELS) as ScreenshotMode[];

export const DEFAULT_SCREENSHOT_MODE: ScreenshotMode = 'full';

export const CONTRACT_STATUSES = ['active', 'paused'] as const;

export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** `rate_type`: 1 Custom Rate (the contract's own), 2 Member Rate, 3 Project Rate. */
export enum RateType {
  Custom = 1,
  Member = 2,
  Project = 3,
}

export const MAX_WEEKLY_HOURS = 168;

/** Screenshot labels for a code; null for a code outside the nine (never stored: the check constraint). */
export const screenshotLabel = (mode: string | null): string | null =>
  mode !== null && mode in SCREENSHOT_LABELS ? SCREENSHOT_LABELS[mode as ScreenshotMode] : null;
