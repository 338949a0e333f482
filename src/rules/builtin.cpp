// The one list of the rule kinds rulebook ships. A new kind is its header in src/rules/, one line
// below, and its test in tests/unit/rules/.
#include "absence.hpp"
#include "approval_authority.hpp"
#include "approval_chain.hpp"
#include "blackout.hpp"
#include "callback_deadline.hpp"
#include "caseload_ratio.hpp"
#include "certificates.hpp"
#include "consecutive_swap.hpp"
#include "count_cap.hpp"
#include "criteria.hpp"
#include "deadline.hpp"
#include "dispatch_deadline.hpp"
#include "duration_threshold.hpp"
#include "early_arrival.hpp"
#include "grade_order.hpp"
#include "in_person.hpp"
#include "monthly_minimum.hpp"
#include "notice_period.hpp"
#include "party_approval.hpp"
#include "recurring_meeting.hpp"
#include "recurring_report.hpp"
#include "required_field.hpp"
#include "rest_between_shifts.hpp"
#include "same_attributes.hpp"
#include "seat_handover.hpp"
#include "span_of_control.hpp"
#include "training_before_duty.hpp"
#include "unworked_swap.hpp"

namespace rulebook {

auto kind_registry::builtin() -> const kind_registry& {
  static const kind_registry kinds = [] {
    kind_registry k;
    k.add("absence", &rules::absence::make);
    k.add("approval_authority", &rules::approval_authority::make);
    k.add("approval_chain", &rules::approval_chain::make);
    k.add("blackout", &rules::blackout::make);
    k.add("certificate_coverage", &rules::certificate_coverage::make);
    k.add("certificate_hand_in", &rules::certificate_hand_in::make);
    k.add("deadline", &rules::deadline::make);
    k.add("duration_threshold", &rules::duration_threshold::make);
    k.add("in_person", &rules::in_person::make);
    k.add("notice_period", &rules::notice_period::make);
    // Shift swaps and handover (section 2 and 3 of the rulebook).
    k.add("consecutive_swap", &rules::consecutive_swap::make);
    k.add("count_cap", &rules::count_cap::make);
    k.add("early_arrival", &rules::early_arrival::make);
    k.add("party_approval", &rules::party_approval::make);
    k.add("required_field", &rules::required_field::make);
    k.add("rest_between_shifts", &rules::rest_between_shifts::make);
    k.add("same_attributes", &rules::same_attributes::make);
    k.add("seat_handover", &rules::seat_handover::make);
    k.add("unworked_swap", &rules::unworked_swap::make);
    // Grades, service duties (sections 4 and 5) and the VIP team (section 6).
    k.add("callback_deadline", &rules::callback_deadline::make);
    k.add("caseload_ratio", &rules::caseload_ratio::make);
    k.add("criteria", &rules::criteria::make);
    k.add("dispatch_deadline", &rules::dispatch_deadline::make);
    k.add("grade_order", &rules::grade_order::make);
    k.add("monthly_minimum", &rules::monthly_minimum::make);
    k.add("span_of_control", &rules::span_of_control::make);
    // Duties on a calendar: meetings, reports and training (section 7).
    k.add("recurring_meeting", &rules::recurring_meeting::make);
    k.add("recurring_report", &rules::recurring_report::make);
    k.add("training_before_duty", &rules::training_before_duty::make);
    return k;
  }();
  return kinds;
}

}  // namespace rulebook
