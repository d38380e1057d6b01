// callbacks: the callback (回访) after resolution and the satisfaction rating (满意度) of a
// finished ticket, both as panels of the ticket page.
