#pragma once
// Finishing a desk return once its resolution is applied (on the spot or approved): the
// refund becomes a kefu-side return order "KF-RT-{id}" whose one line gives the units back
// (original_line_id set, so returned_units counts them and the member's history nets the
// amount), the points go on the ledger (refs return:{id}:clawback / :restore), and the
// record is done. An exchange or a repair writes no purchase line and moves no points.
#include "core/app/context.hpp"
#include "returns/domain/return_record.hpp"

namespace kefu::app {

// Sets r's state (done), decided_at and return_order_id, and stores them.
void complete_return(Context&, returns::ReturnRecord& r);

}  // namespace kefu::app
