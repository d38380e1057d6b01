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
// "Not worse" (replaces): measured on the held-out part of the examples as they are now,
//   candidate topic macro-F1   >= active topic macro-F1   − tolerance, and
//   candidate sentiment accuracy >= active sentiment accuracy − tolerance,
// with tolerance 0.01 (one point): a retrained model moves by a few tenths of a point on a
// few hundred held-out texts without being worse, and corrections (which the held-out part
// does not contain) must be able to land. Macro-F1 for topics because a rare topic counts as
// much as a common one; accuracy for sentiment, which has two balanced-enough classes.
// A task the held-out part has no examples of is not compared; a task the active model
// could classify and the candidate cannot (too few labels to learn) makes it worse.
// Without an active model any candidate that classifies something replaces.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kefu::feedback {

inline constexpr double kNotWorseTolerance = 0.01;

bool held_out(std::string_view text, std::string_view origin);

// A version's figures on one held-out part; a task is absent (nullopt) when the version has
// no classifier for it, and n counts the held-out examples labelled for it.
struct TaskFigure {
  std::size_t n = 0;
  double accuracy = 0;
  double macro_f1 = 0;
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
std::optional<Refusal> refuse(const VersionFigures& candidate, const std::optional<VersionFigures>& active,
                              double tolerance = kNotWorseTolerance);

}  // namespace kefu::feedback
