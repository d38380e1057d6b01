// Answers in Markdown become HTML that is safe to show as it is.
#include "kb/app/markdown.hpp"

#include <gtest/gtest.h>

namespace kefu::app {
namespace {

struct Case {
  const char* markdown;
  const char* html;
};

TEST(Markdown, TheSubsetBecomesTagsAndEverythingElseIsEscaped) {
  const Case cases[] = {
      {"会员每天免费停车 2 小时", "<p>会员每天免费停车 2 小时</p>"},
      {"第一行\n第二行\n\n第二段", "<p>第一行<br>第二行</p><p>第二段</p>"},
      {"**加粗** 和 *强调* 和 `代码`", "<p><strong>加粗</strong> 和 <em>强调</em> 和 <code>代码</code></p>"},
      {"## 停车收费\n- 首小时 10 元\n- 之后 5 元", "<h4>停车收费</h4><ul><li>首小时 10 元</li><li>之后 5 元</li></ul>"},
      {"1. 登记\n2. 广播", "<ol><li>登记</li><li>广播</li></ol>"},
      {"详见[会员中心](https://example.com/m?a=1&b=2)",
       "<p>详见<a href=\"https://example.com/m?a=1&amp;b=2\" rel=\"noopener noreferrer\" "
       "target=\"_blank\">会员中心</a></p>"},
      {"![停车场地图](/api/v1/files/map.png)", "<p><img src=\"/api/v1/files/map.png\" alt=\"停车场地图\"></p>"},
      {"<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"},
      {"[点我](javascript:alert(1))", "<p>点我</p>"},
      {"![x](data:image/png;base64,AAA)", "<p>x</p>"},
      {"[x](//evil.example)", "<p>x</p>"},
      {"![a\" onerror=\"x](https://e.com/a.png)",
       "<p><img src=\"https://e.com/a.png\" alt=\"a&quot; onerror=&quot;x\"></p>"},
      {"a * b ** c", "<p>a * b ** c</p>"},
      {"电话 [400-800](tel:400800)",
       "<p>电话 <a href=\"tel:400800\" rel=\"noopener noreferrer\" target=\"_blank\">400-800</a></p>"},
  };
  for (const auto& c : cases) EXPECT_EQ(markdown_html(c.markdown), c.html) << c.markdown;
}

}  // namespace
}  // namespace kefu::app
