#include "kb/domain/model.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <vector>

#include "kb/domain/logistic.hpp"

namespace kefu::kb {
namespace {

constexpr std::string_view kMagic = "kefu-kb-model 1";

float logit_of(float p) {
  const float c = std::clamp(p, 1e-6f, 1 - 1e-6f);
  return std::log(c / (1 - c));
}

void put_floats(std::string& out, std::string_view name, const float* v, std::size_t n) {
  out += name;
  char buf[32];
  for (std::size_t i = 0; i < n; ++i) {
    const auto r = std::to_chars(buf, buf + sizeof buf, v[i]);
    out += ' ';
    out.append(buf, r.ptr);
  }
  out += '\n';
}

std::vector<std::string_view> split(std::string_view line) {
  std::vector<std::string_view> parts;
  while (!line.empty()) {
    const std::size_t sp = line.find(' ');
    if (sp != 0) parts.push_back(line.substr(0, sp));
    if (sp == std::string_view::npos) break;
    line.remove_prefix(sp + 1);
  }
  return parts;
}

bool get_floats(std::string_view line, std::string_view name, float* v, std::size_t n) {
  const auto parts = split(line);
  if (parts.size() != n + 1 || parts[0] != name) return false;
  for (std::size_t i = 0; i < n; ++i) {
    const auto r = std::from_chars(parts[i + 1].data(), parts[i + 1].data() + parts[i + 1].size(), v[i]);
    if (r.ec != std::errc() || r.ptr != parts[i + 1].data() + parts[i + 1].size() || !std::isfinite(v[i])) return false;
  }
  return true;
}

}  // namespace

float RerankModel::logit(const Features& f) const {
  if (!trained) return logit_of(std::clamp(f[1], 0.0f, 1.0f));
  float z = bias;
  for (std::size_t k = 0; k < kFeatureCount; ++k) z += weights[k] * (f[k] - mean[k]) * scale[k];
  return z;
}

float RerankModel::probability(const Features& f) const { return static_cast<float>(sigmoid(logit(f))); }

float RerankModel::confidence(float top, float second) const {
  if (!calibrated) return static_cast<float>(sigmoid(top));
  const float margin = std::isfinite(second) ? std::min(top - second, 20.0f) : 20.0f;
  return static_cast<float>(sigmoid(calibration[0] * top + calibration[1] * margin + calibration[2]));
}

std::string RerankModel::save() const {
  std::string out(kMagic);
  out += '\n';
  out += "features";
  for (auto name : kFeatureNames) (out += ' ') += name;
  out += '\n';
  out += trained ? "trained 1\n" : "trained 0\n";
  put_floats(out, "mean", mean.data(), mean.size());
  put_floats(out, "scale", scale.data(), scale.size());
  put_floats(out, "weights", weights.data(), weights.size());
  put_floats(out, "bias", &bias, 1);
  out += calibrated ? "calibrated 1\n" : "calibrated 0\n";
  put_floats(out, "calibration", calibration.data(), calibration.size());
  // Sorted, so that the same model is the same text.
  std::vector<std::pair<Token, float>> tokens(token_weights.begin(), token_weights.end());
  std::sort(tokens.begin(), tokens.end());
  out += "tokens " + std::to_string(tokens.size()) + "\n";
  char buf[64];
  for (const auto& [t, w] : tokens) {
    auto r = std::to_chars(buf, buf + sizeof buf, t, 16);
    *r.ptr++ = ' ';
    r = std::to_chars(r.ptr, buf + sizeof buf, w);
    out.append(buf, r.ptr);
    out += '\n';
  }
  return out;
}

std::optional<RerankModel> RerankModel::parse(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    lines.push_back(text.substr(0, nl));
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  if (lines.size() < 10 || lines[0] != kMagic || !lines[9].starts_with("tokens ")) return std::nullopt;
  std::size_t count = 0;
  const std::string_view n = lines[9].substr(7);
  if (std::from_chars(n.data(), n.data() + n.size(), count).ec != std::errc() || lines.size() != 10 + count) {
    return std::nullopt;
  }
  const auto names = split(lines[1]);
  if (names.size() != kFeatureCount + 1 || names[0] != "features") return std::nullopt;
  for (std::size_t k = 0; k < kFeatureCount; ++k) {
    if (names[k + 1] != kFeatureNames[k]) return std::nullopt;
  }
  RerankModel m;
  if (lines[2] != "trained 1" && lines[2] != "trained 0") return std::nullopt;
  m.trained = lines[2] == "trained 1";
  if (lines[7] != "calibrated 1" && lines[7] != "calibrated 0") return std::nullopt;
  m.calibrated = lines[7] == "calibrated 1";
  if (!get_floats(lines[3], "mean", m.mean.data(), kFeatureCount) ||
      !get_floats(lines[4], "scale", m.scale.data(), kFeatureCount) ||
      !get_floats(lines[5], "weights", m.weights.data(), kFeatureCount) || !get_floats(lines[6], "bias", &m.bias, 1) ||
      !get_floats(lines[8], "calibration", m.calibration.data(), 3)) {
    return std::nullopt;
  }
  for (std::size_t i = 0; i < count; ++i) {
    const std::string_view line = lines[10 + i];
    const std::size_t sp = line.find(' ');
    if (sp == std::string_view::npos) return std::nullopt;
    Token t = 0;
    float w = 0;
    const auto r1 = std::from_chars(line.data(), line.data() + sp, t, 16);
    const auto r2 = std::from_chars(line.data() + sp + 1, line.data() + line.size(), w);
    if (r1.ec != std::errc() || r1.ptr != line.data() + sp || r2.ec != std::errc() ||
        r2.ptr != line.data() + line.size() || !std::isfinite(w)) {
      return std::nullopt;
    }
    m.token_weights[t] = w;
  }
  return m;
}

}  // namespace kefu::kb
