// What a program that links rulebook needs: the model, loading a policy and a case, judging (and
// what-if sessions), the verdict and its writers. Writing a rule kind of your own: <rulebook/kind.hpp>.
#pragma once

#include <rulebook/engine.hpp>
#include <rulebook/model.hpp>
#include <rulebook/policy.hpp>
#include <rulebook/verdict.hpp>
