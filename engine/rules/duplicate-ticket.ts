import type { Finding, Rule } from '../rule';
import { TICKET_KEY, ticketTokens, type TicketToken } from './support/tickets';

export const duplicateTicket: Rule = {
  code: 'TS413',
  name: 'duplicate-ticket',
  defaultSeverity: 'warning',
  description: 'Two tasks name the same ticket key.',
  help: 'Give each task its own ticket, or merge the two tasks if they are one piece of work.',
  check({ model }) {
    const findings: Finding[] = [];
    const first = new Map<string, TicketToken>();
    for (const t of ticketTokens(model)) {
      if (!TICKET_KEY.test(t.text)) continue;
      const earlier = first.get(t.text);
      if (!earlier) {
        first.set(t.text, t);
        continue;
      }
      // Two rows of one task ID are duplicate-task-id's finding, not this one.
      if (earlier.task.id === t.task.id) continue;
      findings.push({
        range: t.range,
        message: `Ticket ${t.text} is already the ticket of ${earlier.task.id}: give ${t.task.id} its own ticket.`,
        related: [{ range: earlier.range, message: `${t.text} on ${earlier.task.id}` }],
      });
    }
    return findings;
  },
};
