#pragma once
// Which model version classifies feedback (issue 14): the rules that decide whether a newly
// trained version replaces the active one, and which labelled examples are held out to
// measure both. Pure: figures in, a decision out.
//
// The held-out part. An example is held out when a hash of its text falls in one fifth of
// the hash space (FNV-1a, 64 bits, mod 5 == 0). The rule depends on the text only, so every
// version — the active one and a new one trained months later on more examples — was trained
// without any held-out text, and the two are measured on the SAME held-out examples.
// Staff corrections (origin "correction") are never held out: they are what a model must
// learn from at once, and a correction's text is one a model already got wrong.
//
// "Not worse" (replaces). Both versions answer the same held-out examples, so they are
// compared example by example (McNemar's paired test): for each task let b be the held-out
// examples the active version got right and the candidate wrong, and c the reverse. The
// candidate is worse on the task when b − c > max(1, 1.645 · √(b + c)) — more losses than gains
// beyond what chance explains at one-sided 5 % (a single example more is never "worse"). Why
// not "within one point": a fresh installation holds out ~67 sentences of its seed set, where
// one sentence is 1.5 points, so a fixed tolerance refuses versions for noise; on 10,000
// held-out examples the test is far stricter than one point. Both tasks are tested; topic
// macro-F1 is reported beside accuracy (a rare topic counts as much as a common one there) but
// it is not paired, so it does not decide.
// A task the held-out part has no examples of is not compared; a task the active model could
// classify and the candidate cannot (too few labels to learn) makes it worse. Without an active
// model any candidate that classifies something replaces.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kefu::feedback {

inline constexpr double kOneSided95 = 1.645;

bool held_out(std::string_view text, std::string_view origin);

// A version's figures on one held-out part; a task is absent (nullopt) when the version has
// no classifier for it, and n counts the held-out examples labelled for it.
struct TaskFigure {
  std::size_t n = 0;
  double accuracy = 0;
  double macro_f1 = 0;
  std::vector<bool> correct;  // per held-out example, in one order for every version
};
struct VersionFigures {
  std::optional<TaskFigure> topic;
  std::optional<TaskFigure> sentiment;
};

// Nightly retraining runs between 03:00 and 06:00 local time in `zone` (an IANA name; UTC
// when unknown): the local date of that night, or nullopt outside the window. The keeper
// trains once per such date, and only when the examples changed since the newest version.
std::optional<std::string> nightly_date(int64_t now_ms, const std::string& zone);

// Why the candidate does not replace the active version, in both languages.
struct Refusal {
  std::string zh, en;
};

// nullopt: the candidate replaces the active one (or there is none: active == nullopt).
std::optional<Refusal> refuse(const VersionFigures& candidate, const std::optional<VersionFigures>& active);

}  // namespace kefu::feedback
