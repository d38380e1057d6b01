#include "core/text/dictionary.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace kefu::text {
namespace {

// Frequencies are stored as float; jieba's largest is below 1e6.
constexpr double kMaxFreq = 1e15;

// FNV-1a, 32 bit. Incremental: the DAG scan extends a substring one
// character at a time and extends its hash with it.
constexpr std::uint32_t kHashSeed = 2166136261u;

std::uint32_t hash_extend(std::uint32_t h, std::string_view bytes) {
  for (const char c : bytes) {
    h ^= static_cast<unsigned char>(c);
    h *= 16777619u;
  }
  return h;
}

std::uint32_t hash_of(std::string_view key) { return hash_extend(kHashSeed, key); }

// The table is indexed by the hash's low bits. For the jieba dictionary they
// spread well enough: about 1.45 probes per insert at load factor 0.47.
std::size_t home_slot(std::uint32_t h, std::size_t mask) { return h & mask; }

}  // namespace

const Dictionary::Entry* Dictionary::find(std::string_view key, std::uint32_t hash) const {
  if (slots_.empty()) return nullptr;
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t i = home_slot(hash, mask);; i = (i + 1) & mask) {
    const Slot slot = slots_[i];
    if (slot.entry == 0) return nullptr;
    if (slot.hash != hash) continue;
    const Entry& e = entries_[slot.entry - 1];
    if (e.length == key.size() && std::memcmp(keys_.data() + e.offset, key.data(), key.size()) == 0) return &e;
  }
}

void Dictionary::grow() {
  std::vector<Slot> slots(slots_.empty() ? 1024 : slots_.size() * 2, Slot{0, 0});
  const std::size_t mask = slots.size() - 1;
  for (const Slot& old : slots_) {
    if (old.entry == 0) continue;
    std::size_t i = home_slot(old.hash, mask);
    while (slots[i].entry != 0) i = (i + 1) & mask;
    slots[i] = old;
  }
  slots_ = std::move(slots);
}

Dictionary::Entry& Dictionary::find_or_add(std::string_view key) {
  const std::uint32_t hash = hash_of(key);
  if (const Entry* e = find(key, hash)) return entries_[e - entries_.data()];
  if ((entries_.size() + 1) * 10 > slots_.size() * 7) grow();  // load factor <= 0.7
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = home_slot(hash, mask);
  while (slots_[i].entry != 0) i = (i + 1) & mask;
  entries_.push_back(Entry{static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key.size()), 0, 0});
  keys_.append(key);
  slots_[i] = Slot{hash, static_cast<std::uint32_t>(entries_.size())};
  return entries_.back();
}

void Dictionary::set(std::string_view word, double freq) {
  if (!(freq > 0) || word.empty() || word.size() > 255) return;
  freq = std::min(freq, kMaxFreq);
  Entry& entry = add_word(word);
  total_ += freq - entry.freq;
  entry.freq = static_cast<float>(freq);
}

void Dictionary::boost(std::string_view word, double freq) {
  if (!(freq > 0) || word.empty() || word.size() > 255) return;
  freq = std::min(freq, kMaxFreq);
  Entry& entry = add_word(word);
  if (entry.freq < freq) entry.freq = static_cast<float>(freq);
}

Dictionary::Entry& Dictionary::add_word(std::string_view word) {
  // Register the proper prefixes (by code point), longest first; stop at one
  // that is already known, since its own prefixes came with it.
  std::size_t end = word.size();
  for (;;) {
    do {
      --end;  // step back over continuation bytes to a lead byte
    } while (end > 0 && (static_cast<unsigned char>(word[end]) & 0xC0) == 0x80);
    if (end == 0) break;
    const std::size_t before = entries_.size();
    find_or_add(word.substr(0, end));
    if (entries_.size() == before) break;
  }
  Entry& entry = find_or_add(word);  // after the prefixes: entries_ no longer grows
  if (entry.freq == 0) ++words_;
  return entry;
}

double Dictionary::freq(std::string_view word) const {
  const Entry* e = find(word, hash_of(word));
  return e ? e->freq : 0;
}

bool Dictionary::is_word(std::string_view word) const {
  const Entry* e = find(word, hash_of(word));
  return e && e->freq > 0;
}

void Dictionary::finalize() {
  keys_.shrink_to_fit();
  entries_.shrink_to_fit();
  const double log_total = std::log(total_ < 1 ? 1.0 : total_);
  for (Entry& e : entries_) {
    e.log_prob = e.freq > 0 ? static_cast<float>(std::log(static_cast<double>(e.freq)) - log_total) : 0.0f;
  }
  unknown_log_prob_ = static_cast<float>(-log_total);
}

double Dictionary::segment(std::string_view run, const std::vector<std::uint32_t>& bounds,
                           std::vector<std::uint32_t>& ends) const {
  const std::size_t n = bounds.size() - 1;
  // best[i]: log probability of the best segmentation of code points i..n-1;
  // next[i]: end of the first word of that segmentation.
  std::vector<double> best(n + 1, 0.0);
  std::vector<std::uint32_t> next(n + 1, 0);
  for (std::size_t i = n; i-- > 0;) {
    std::uint32_t hash = hash_extend(kHashSeed, run.substr(bounds[i], bounds[i + 1] - bounds[i]));
    const Entry* e = find(run.substr(bounds[i], bounds[i + 1] - bounds[i]), hash);
    // A single character is always a candidate, dictionary word or not.
    double best_here = (e && e->freq > 0 ? e->log_prob : unknown_log_prob_) + best[i + 1];
    std::uint32_t best_end = static_cast<std::uint32_t>(i + 1);
    for (std::size_t j = i + 2; e && j <= n; ++j) {
      hash = hash_extend(hash, run.substr(bounds[j - 1], bounds[j] - bounds[j - 1]));
      e = find(run.substr(bounds[i], bounds[j] - bounds[i]), hash);
      if (e && e->freq > 0 && e->log_prob + best[j] >= best_here) {  // >=: ties favour the longer word
        best_here = e->log_prob + best[j];
        best_end = static_cast<std::uint32_t>(j);
      }
    }
    best[i] = best_here;
    next[i] = best_end;
  }
  ends.clear();
  for (std::size_t i = 0; i < n; i = next[i]) ends.push_back(next[i]);
  return best[0];
}

}  // namespace kefu::text
