// Classifier::save / load. Layout (little-endian, as the hosts kefu runs on):
//   "kefu-feedback-classifier/1\n"
//   u8 method; labels (u32 count, each a u32-length string);
//   the report (u64 examples, trained_on, n; f64 l2, accuracy, macro_f1; per label
//   u64 support, f64 precision, recall, f1);
//   the model (f64 bias and per_unit per label; u32 rows; per row u32 bucket and one f32
//   weight per label; rows whose weights are all 0 are left out).
#include <cstring>
#include <type_traits>

#include "feedback/domain/classifier.hpp"

namespace kefu::feedback {

namespace {

constexpr std::string_view kMagic = "kefu-feedback-classifier/1\n";

struct Writer {
  std::string out;
  template <typename T>
  void put(T v) {
    static_assert(std::is_trivially_copyable_v<T>);
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  void str(std::string_view s) {
    put(static_cast<std::uint32_t>(s.size()));
    out.append(s);
  }
};

struct Reader {
  std::string_view in;
  bool ok = true;
  template <typename T>
  T get() {
    T v{};
    if (in.size() < sizeof v) {
      ok = false;
      return v;
    }
    std::memcpy(&v, in.data(), sizeof v);
    in.remove_prefix(sizeof v);
    return v;
  }
  std::string str() {
    const auto n = get<std::uint32_t>();
    if (!ok || in.size() < n) return ok = false, std::string();
    std::string s(in.substr(0, n));
    in.remove_prefix(n);
    return s;
  }
};

}  // namespace

std::string Classifier::save() const {
  Writer w;
  w.out.append(kMagic);
  w.put(static_cast<std::uint8_t>(report_.method));
  w.put(static_cast<std::uint32_t>(labels_.size()));
  for (const auto& l : labels_) w.str(l);
  w.put(static_cast<std::uint64_t>(report_.examples));
  w.put(static_cast<std::uint64_t>(report_.trained_on));
  w.put(static_cast<std::uint64_t>(report_.held_out.n));
  w.put(report_.l2);
  w.put(report_.held_out.accuracy);
  w.put(report_.held_out.macro_f1);
  for (std::size_t c = 0; c < labels_.size(); ++c) {
    const ClassScore& s = report_.held_out.classes[c];
    w.put(static_cast<std::uint64_t>(s.support));
    w.put(s.precision), w.put(s.recall), w.put(s.f1);
  }
  const LinearModel& m = *model_;
  const std::size_t k = m.classes;
  for (std::size_t c = 0; c < k; ++c) w.put(m.bias[c]), w.put(m.per_unit[c]);
  std::vector<std::uint32_t> rows;
  for (std::uint32_t j = 0; j < kDims; ++j)
    for (std::size_t c = 0; c < k; ++c)
      if (m.weights[j * k + c] != 0) {
        rows.push_back(j);
        break;
      }
  w.put(static_cast<std::uint32_t>(rows.size()));
  for (std::uint32_t j : rows) {
    w.put(j);
    for (std::size_t c = 0; c < k; ++c) w.put(m.weights[j * k + c]);
  }
  return std::move(w.out);
}

std::optional<Classifier> Classifier::load(std::string_view bytes, const kb::TextTools& tools) {
  if (!bytes.starts_with(kMagic)) return std::nullopt;
  Reader r{bytes.substr(kMagic.size())};
  TrainingReport report;
  const auto method = r.get<std::uint8_t>();
  if (method > static_cast<std::uint8_t>(Method::logistic_regression)) return std::nullopt;
  report.method = static_cast<Method>(method);
  const auto k = r.get<std::uint32_t>();
  if (!r.ok || k < 2 || k > r.in.size()) return std::nullopt;
  std::vector<std::string> labels;
  for (std::uint32_t c = 0; c < k && r.ok; ++c) labels.push_back(r.str());
  report.examples = r.get<std::uint64_t>();
  report.trained_on = r.get<std::uint64_t>();
  report.held_out.n = r.get<std::uint64_t>();
  report.l2 = r.get<double>();
  report.held_out.accuracy = r.get<double>();
  report.held_out.macro_f1 = r.get<double>();
  for (std::uint32_t c = 0; c < k && r.ok; ++c) {
    ClassScore s;
    s.label = labels[c];
    s.support = r.get<std::uint64_t>();
    s.precision = r.get<double>(), s.recall = r.get<double>(), s.f1 = r.get<double>();
    report.held_out.classes.push_back(std::move(s));
  }
  LinearModel m;
  m.classes = k;
  for (std::uint32_t c = 0; c < k; ++c) m.bias.push_back(r.get<double>()), m.per_unit.push_back(r.get<double>());
  const auto rows = r.get<std::uint32_t>();
  if (!r.ok || rows > kDims || r.in.size() != rows * (4 + 4 * static_cast<std::size_t>(k))) return std::nullopt;
  m.weights.assign(static_cast<std::size_t>(kDims) * k, 0.0f);
  for (std::uint32_t i = 0; i < rows; ++i) {
    const auto j = r.get<std::uint32_t>();
    if (j >= kDims) return std::nullopt;
    for (std::uint32_t c = 0; c < k; ++c) m.weights[static_cast<std::size_t>(j) * k + c] = r.get<float>();
  }
  if (!r.ok) return std::nullopt;
  return Classifier(std::make_shared<const Featurizer>(tools), std::move(labels), std::move(m), std::move(report));
}

}  // namespace kefu::feedback
