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
