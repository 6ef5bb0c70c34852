// A synthetic MT4 detailed statement of about `targetBytes`, with unique tickets and no
// real account data, so the bench has a large input without committing one.
const HEAD = `<html><head><title>Statement: 1001 - Synthetic</title></head><body>
<div><b>Example Broker Ltd</b></div>
<table>
<tr><td colspan=2><b>Account: 1001</b></td><td colspan=5><b>Name: Test Trader</b></td><td colspan=2><b>Currency: USD</b></td><td colspan=2><b>Leverage: 1:100</b></td><td colspan=3><b>2024 May 1, 10:00</b></td></tr>
<tr><td colspan=13><b>Closed Transactions:</b></td></tr>
<tr><td>Ticket</td><td>Open Time</td><td>Type</td><td>Size</td><td>Item</td><td>Price</td><td>S / L</td><td>T / P</td><td>Close Time</td><td>Price</td><td>Commission</td><td>Taxes</td><td>Swap</td><td>Profit</td></tr>
`;

function row(i) {
  const side = i % 3 === 0 ? 'sell' : 'buy';
  const profit = ((i % 7) - 3) * 1.25;
  const day = String(1 + (i % 28)).padStart(2, '0');
  return `<tr align=right><td title="#12345 synthetic">${100000 + i}</td><td class=msdate nowrap>2024.01.${day} 10:00:00</td><td>${side}</td><td class=mspt>0.10</td><td>eurusd</td><td style="mso-number-format:0\\.00000;">1.10000</td><td style="mso-number-format:0\\.00000;">0.00000</td><td style="mso-number-format:0\\.00000;">0.00000</td><td class=msdate nowrap>2024.01.${day} 12:00:00</td><td style="mso-number-format:0\\.00000;">1.10100</td><td class=mspt>-0.70</td><td class=mspt>0.00</td><td class=mspt>0.00</td><td class=mspt>${profit.toFixed(2)}</td></tr>\n`;
}

/** The statement as a string of roughly `targetBytes` characters (ASCII). */
export function buildLargeMt4Statement(targetBytes) {
  const parts = [HEAD];
  let size = HEAD.length;
  for (let i = 0; size < targetBytes; i++) {
    const r = row(i);
    parts.push(r);
    size += r.length;
  }
  parts.push(
    '<tr><td colspan=14><b>Summary:</b></td></tr>\n<tr><td colspan=2><b>Deposit/Withdrawal:</b></td><td colspan=2><b>0.00</b></td></tr>\n</table></body></html>\n',
  );
  return parts.join('');
}
