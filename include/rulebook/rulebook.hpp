// The whole public API: load a policy and a case, judge, write the verdict.
#pragma once

#include <rulebook/engine.hpp>
#include <rulebook/kinds.hpp>
#include <rulebook/model.hpp>
#include <rulebook/policy.hpp>
#include <rulebook/verdict.hpp>
