// 下载海报 (components/PosterButton.vue); merged into the feature's messages by index.js.
export default {
  feedbackPoster: {
    download: '下载海报',
    pdf: 'A4 海报（PDF，打印用）',
    png: 'A4 海报（PNG 图片）',
    copyLink: '复制扫码链接',
    copied: '已复制：{url}',
    copyFailed: '复制失败，请手动复制：{url}',
  },
};
