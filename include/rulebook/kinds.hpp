// Every rule kind rulebook ships; include this to derive from or inspect one.
#pragma once

#include <rulebook/rules/absence.hpp>
#include <rulebook/rules/approval_authority.hpp>
#include <rulebook/rules/approval_chain.hpp>
#include <rulebook/rules/blackout.hpp>
#include <rulebook/rules/certificates.hpp>
#include <rulebook/rules/deadline.hpp>
#include <rulebook/rules/duration_threshold.hpp>
#include <rulebook/rules/in_person.hpp>
#include <rulebook/rules/notice_period.hpp>
// Shift swaps and handover.
#include <rulebook/rules/consecutive_swap.hpp>
#include <rulebook/rules/count_cap.hpp>
#include <rulebook/rules/early_arrival.hpp>
#include <rulebook/rules/party_approval.hpp>
#include <rulebook/rules/required_field.hpp>
#include <rulebook/rules/rest_between_shifts.hpp>
#include <rulebook/rules/same_attributes.hpp>
#include <rulebook/rules/seat_handover.hpp>
#include <rulebook/rules/unworked_swap.hpp>
// Grades, service duties and the VIP team.
#include <rulebook/rules/callback_deadline.hpp>
#include <rulebook/rules/caseload_ratio.hpp>
#include <rulebook/rules/criteria.hpp>
#include <rulebook/rules/dispatch_deadline.hpp>
#include <rulebook/rules/grade_order.hpp>
#include <rulebook/rules/monthly_minimum.hpp>
#include <rulebook/rules/span_of_control.hpp>
