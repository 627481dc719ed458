/**
 * Tag colours with white text that pass WCAG AA contrast (4.5:1): antd's light preset tags (green on pale green) do
 * not. The words on each tag carry the meaning; the colour only repeats it.
 */
export const TONE = {
  success: '#2e7d32',
  warning: '#a35c00',
  error: '#c4221c',
  processing: '#1456c8',
  neutral: '#545454',
} as const;
