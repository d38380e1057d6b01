#pragma once
// Word list with frequencies, and jieba's segmentation of a run of Chinese
// characters over it. Internal to domain/text (Segmenter is the public face).
//
// The model is jieba's "precise mode" without HMM: every dictionary word found
// in the run is an edge of a DAG; the chosen segmentation is the path with
// the highest sum of log(freq / total) over its words. A character that is
// not a dictionary word counts with frequency 1, so unknown characters end up
// as single-character words.
//
// Storage is a flat open-addressing hash table over one string of keys: the
// full jieba dictionary (about 350k words plus their prefixes) loads in a
// fraction of the time and memory of a node-based std::unordered_map.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kefu::text {

class Dictionary {
 public:
  // Sets the frequency of word (UTF-8, Chinese characters only; the caller
  // checks). freq <= 0 and words longer than 255 bytes are ignored. A later
  // set() replaces an earlier one.
  void set(std::string_view word, double freq);
  // Raises the frequency of word to at least freq without adding to the
  // total: the probabilities of all other words, and so the segmentation of
  // text without boosted words, stay exactly as jieba computes them.
  void boost(std::string_view word, double freq);
  // Frequency of word, 0 when it is not a word.
  double freq(std::string_view word) const;
  // Computes the log probabilities; call after the last set() and before
  // segmenting. After that the object is only read, so concurrent use is safe.
  void finalize();

  bool is_word(std::string_view word) const;
  std::size_t word_count() const { return words_; }
  // Sum of all word frequencies (freq(w) / total() is w's probability).
  double total() const { return total_; }

  // Segments run, whose code points start at the byte offsets bounds[0..n-1]
  // (bounds[n] == run.size()). Writes to ends the index (into bounds) of the
  // end of every word, in order; the last is n. Returns the log probability of
  // the segmentation. Ties go to the longer word, as in jieba.
  double segment(std::string_view run, const std::vector<std::uint32_t>& bounds,
                 std::vector<std::uint32_t>& ends) const;

 private:
  // A word, or a proper prefix of a word (freq 0), so that the DAG scan can
  // stop as soon as a substring is not the start of any word.
  struct Entry {
    std::uint32_t offset;  // of the key in keys_
    std::uint32_t length;
    float freq;
    float log_prob;  // log(freq / total), valid after finalize()
  };

  const Entry* find(std::string_view key, std::uint32_t hash) const;
  Entry& find_or_add(std::string_view key);
  Entry& add_word(std::string_view word);
  void grow();

  std::string keys_;            // all keys back to back
  std::vector<Entry> entries_;  // in insertion order
  // Open addressing, linear probing; size is a power of two. A slot holds
  // the key's hash next to the entry index, so that a probe for an absent
  // key (the end of most DAG scans) touches only the slot array.
  struct Slot {
    std::uint32_t hash;
    std::uint32_t entry;  // index + 1 into entries_, 0 = empty
  };
  std::vector<Slot> slots_;
  double total_ = 0;  // sum of all word frequencies
  std::size_t words_ = 0;
  float unknown_log_prob_ = 0;
};

}  // namespace kefu::text
