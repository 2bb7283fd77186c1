/**
 * A Chat2Desk phone (international digits without `+`) for people: `+7 701 234-56-78` for the
 * 11-digit numbers of Kazakhstan and Russia, `+<digits>` otherwise, and anything that is not
 * only digits as given.
 */
export function formatPhone(phone: string): string {
  const kz = /^7(\d{3})(\d{3})(\d{2})(\d{2})$/.exec(phone);
  if (kz) return `+7 ${kz[1]} ${kz[2]}-${kz[3]}-${kz[4]}`;
  return /^\d{5,15}$/.test(phone) ? `+${phone}` : phone;
}
