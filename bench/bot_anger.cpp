// How the bot's anger signal (bot/domain/turn.hpp) separates negative from positive
// customer text: on a labelled review set (default ../shared/data/online_shopping_10_cats.dev.csv,
// columns id,cat,label,review; label 1 positive, 0 negative), the share of each flagged at
// several thresholds. Reviews are not chat messages and negative is not angry, so this is
// a proxy: what matters is that calm positive text is almost never flagged (the bot must
// not hand a happy customer over) and how much of the negative text is.
//
//   build/bot_anger [file.csv]
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "bot/domain/turn.hpp"
#include "csv_record.hpp"

namespace {

using kefu::bench::read_record;

}  // namespace

int main(int argc, char** argv) {
  const std::string path = argc > 1 ? argv[1] : "../shared/data/online_shopping_10_cats.dev.csv";
  std::ifstream in(path);
  if (!in) {
    std::cerr << "cannot read " << path << "\n";
    return 2;
  }
  const double thresholds[] = {0.25, 0.5, 0.7, 1.0};
  long n[2] = {0, 0}, flagged[2][4] = {};
  std::vector<std::string> f;
  read_record(in, f);  // header
  while (read_record(in, f)) {
    if (f.size() < 4) continue;
    const int label = f[2] == "1" ? 1 : 0;
    const double a = kefu::bot::anger(f[3]);
    ++n[label];
    for (int i = 0; i < 4; ++i)
      if (a >= thresholds[i]) ++flagged[label][i];
  }
  std::printf("%s: %ld negative, %ld positive\n", path.c_str(), n[0], n[1]);
  std::printf("| anger ≥ | negative flagged | positive flagged |\n|---|---:|---:|\n");
  for (int i = 0; i < 4; ++i)
    std::printf("| %.2f | %.1f %% | %.2f %% |\n", thresholds[i], 100.0 * flagged[0][i] / std::max(1L, n[0]),
                100.0 * flagged[1][i] / std::max(1L, n[1]));
  return 0;
}
