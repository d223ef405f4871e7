// What a personal-data scanner reports. Shared by the pii-*.ts scanners; re-exported from pii.ts.

export type PiiKind = 'email' | 'phone' | 'ssn' | 'card' | 'iban' | 'person-record';

export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  /** Human description without the value, e.g. "US social security number". */
  description: string;
}
