<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>alab::ui::AllHeadsView</name>
    <message>
        <location filename="../../ui/analysis/all_heads_view.cpp" line="104"/>
        <source>No attention to show yet: load a model and a sentence.</source>
        <translation>还没有可显示的注意力：请先加载模型并输入句子。</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/all_heads_view.cpp" line="132"/>
        <source>%1 layers × %2 heads of %3 weights, colours from %4 to %5. Click a head to open it, or use the arrow keys and Enter.</source>
        <translation>%3 权重：%1 层 × %2 个头，颜色范围 %4 到 %5。点击某个头即可打开，也可用方向键选择后按回车。</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/all_heads_view.cpp" line="186"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/all_heads_view.cpp" line="187"/>
        <source>Wrote %1 files and index.json to %2</source>
        <translation>已将 %1 个文件和 index.json 写入 %2</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/all_heads_view.cpp" line="191"/>
        <source>Attention:</source>
        <translation>注意力：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/all_heads_view.cpp" line="192"/>
        <source>Export all heads…</source>
        <translation>导出全部注意力头…</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/all_heads_view.cpp" line="193"/>
        <source>Thumbnail size</source>
        <translation>缩略图大小</translation>
    </message>
</context>
<context>
    <name>AttentionKinds</name>
    <message>
        <location filename="../../ui/analysis/heatmap_source.cpp" line="91"/>
        <source>Encoder self-attention</source>
        <translation>编码器自注意力</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_source.cpp" line="92"/>
        <source>Decoder self-attention (causal)</source>
        <translation>解码器自注意力（因果）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_source.cpp" line="93"/>
        <source>Cross-attention (decoder → encoder)</source>
        <translation>交叉注意力（解码器 → 编码器）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_source.cpp" line="224"/>
        <source>No trace has been computed yet.</source>
        <translation>还没有计算出任何前向轨迹。</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_source.cpp" line="232"/>
        <source>no tensor named &quot;%1&quot;; nearest: %2</source>
        <translation>没有名为“%1”的张量；最接近的是：%2</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_source.cpp" line="42"/>
        <source>head %1 — %2</source>
        <translation>第 %1 个头 — %2</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_source.cpp" line="32"/>
        <source>query: decoder input → the word it predicts</source>
        <translation>查询：解码器输入 → 它预测的词</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_source.cpp" line="43"/>
        <source>layer %1 · head %2 — %3</source>
        <translation>第 %1 层 · 第 %2 个头 — %3</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_source.cpp" line="51"/>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_source.cpp" line="168"/>
        <source>%1 has %2 heads (shape %3); head %4 (counting from 0) does not exist, they run from 0 to %5</source>
        <translation>%1 有 %2 个头（形状 %3）；头 %4（从 0 数起）不存在，编号为 0 到 %5</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_source.cpp" line="176"/>
        <source>%1 has shape %2 and cannot be shown as a heatmap</source>
        <translation>%1 的形状为 %2，无法显示为热力图</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_source.cpp" line="191"/>
        <source>row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_source.cpp" line="192"/>
        <source>query</source>
        <translation>查询（query）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_source.cpp" line="193"/>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_source.cpp" line="194"/>
        <source>key</source>
        <translation>键（key）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_source.cpp" line="195"/>
        <source>dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_source.cpp" line="196"/>
        <source>token</source>
        <translation>词元</translation>
    </message>
</context>
<context>
    <name>alab::ui::AttentionView</name>
    <message>
        <location filename="../../ui/analysis/attention_view.cpp" line="100"/>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/attention_view.cpp" line="101"/>
        <source>head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/attention_view.cpp" line="124"/>
        <source>No attention to show yet: load a model and a sentence.</source>
        <translation>还没有可显示的注意力：请先加载模型并输入句子。</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/attention_view.cpp" line="136"/>
        <source>Computing layer %1, head %2 of this long input…</source>
        <translation>正在计算这段长输入第 %1 层、第 %2 个头的注意力图…</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/attention_view.cpp" line="185"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/attention_view.cpp" line="186"/>
        <source>Exported %1</source>
        <translation>已导出 %1</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/attention_view.cpp" line="190"/>
        <source>Attention:</source>
        <translation>注意力：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/attention_view.cpp" line="191"/>
        <source>Layer:</source>
        <translation>层：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/attention_view.cpp" line="192"/>
        <source>Head:</source>
        <translation>头：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/attention_view.cpp" line="193"/>
        <source>weights (after softmax)</source>
        <translation>权重（softmax 之后）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/attention_view.cpp" line="194"/>
        <source>scaled scores q·k/√d_k</source>
        <translation>缩放分数 q·k/√d_k</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/attention_view.cpp" line="195"/>
        <source>raw scores q·k</source>
        <translation>原始分数 q·k</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/attention_view.cpp" line="196"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/attention_view.cpp" line="197"/>
        <source>Show all</source>
        <translation>显示全部</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/attention_view.cpp" line="198"/>
        <source>Undo zoom and drag (or double-click the map). Scroll to zoom, drag to move.</source>
        <translation>撤销缩放和拖动（或双击图）。滚轮缩放，拖动平移。</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/attention_view.cpp" line="199"/>
        <source>Attention heatmap</source>
        <translation>注意力热力图</translation>
    </message>
</context>
<context>
    <name>alab::ui::ColorMapSelector</name>
    <message>
        <location filename="../../ui/analysis/color_map_selector.cpp" line="35"/>
        <source>Colours: automatic</source>
        <translation>配色：自动</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/color_map_selector.cpp" line="36"/>
        <source>Colours: viridis (sequential)</source>
        <translation>配色：viridis（顺序）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/color_map_selector.cpp" line="37"/>
        <source>Colours: blue–orange (diverging, 0 = white)</source>
        <translation>配色：蓝–橙（发散，0 为白色）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/color_map_selector.cpp" line="38"/>
        <source>Both maps stay readable for colour-blind viewers. Automatic uses viridis for non-negative values and blue–orange for signed ones.</source>
        <translation>两种配色对色觉障碍者都清晰可辨。自动模式下，非负数值用 viridis，有正有负的数值用蓝–橙。</translation>
    </message>
</context>
<context>
    <name>CoreMessages</name>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="26"/>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="28"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="30"/>
        <source>cannot create %1: %2</source>
        <translation>无法创建 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="32"/>
        <source>cannot replace %1: %2</source>
        <translation>无法替换 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="34"/>
        <source>it is a directory</source>
        <translation>它是一个文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="36"/>
        <source>it is a named pipe (FIFO), not a regular file</source>
        <translation>它是命名管道（FIFO），不是普通文件</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="38"/>
        <source>it is a device, not a regular file</source>
        <translation>它是设备，不是普通文件</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="40"/>
        <source>it is a socket, not a regular file</source>
        <translation>它是套接字，不是普通文件</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="42"/>
        <source>it is not a regular file</source>
        <translation>它不是普通文件</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="44"/>
        <source>it is a symbolic link; give the folder itself</source>
        <translation>它是符号链接；请给出文件夹本身</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="46"/>
        <source>it exists and is not a folder</source>
        <translation>它已存在，且不是文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="48"/>
        <source>No such file or directory</source>
        <translation>没有这个文件或文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="50"/>
        <source>Permission denied</source>
        <translation>没有权限</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="52"/>
        <source>Is a directory</source>
        <translation>这是一个文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="54"/>
        <source>No space left on device</source>
        <translation>磁盘空间不足</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="56"/>
        <source>Read-only file system</source>
        <translation>文件系统是只读的</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="58"/>
        <source>%1: too short to be a safetensors file</source>
        <translation>%1：太短，不是 safetensors 文件</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="60"/>
        <source>%1: header length %2 exceeds the file size</source>
        <translation>%1：文件头长度 %2 超过了文件大小</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="62"/>
        <source>%1: bad header: %2</source>
        <translation>%1：文件头有误：%2</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="64"/>
        <source>%1: the header is not a JSON object</source>
        <translation>%1：文件头不是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="66"/>
        <source>%1: tensor %2 has shape %3, expected %4</source>
        <translation>%1：张量 %2 的形状是 %3，应为 %4</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="68"/>
        <source>%1: tensor %2 is missing from the weights</source>
        <translation>%1：权重中缺少张量 %2</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="70"/>
        <source>%1: tensor %2 contains NaN or infinity</source>
        <translation>%1：张量 %2 含有 NaN 或无穷大</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="72"/>
        <source>%1: the weights have %2 encoder layers, the config %3</source>
        <translation>%1：权重只有 %2 个编码器层，配置却要 %3 个</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="74"/>
        <source>%1: the weights have %2 decoder layers, the config %3</source>
        <translation>%1：权重只有 %2 个解码器层，配置却要 %3 个</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="76"/>
        <source>%1: unknown config key &quot;%2&quot;</source>
        <translation>%1：未知的配置项“%2”</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="78"/>
        <source>%1: config key &quot;%2&quot; must be an integer, got %3</source>
        <translation>%1：配置项“%2”必须是整数，实际是 %3</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="80"/>
        <source>%1: config key &quot;%2&quot; must be true or false, got %3</source>
        <translation>%1：配置项“%2”必须是 true 或 false，实际是 %3</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="82"/>
        <source>%1: config key &quot;%2&quot; must be a string, got %3</source>
        <translation>%1：配置项“%2”必须是字符串，实际是 %3</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="84"/>
        <source>%1: the config must be a JSON object</source>
        <translation>%1：配置必须是 JSON 对象</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="86"/>
        <source>%1: d_model %2 is not divisible by heads %3</source>
        <translation>%1：d_model %2 不能被头数 %3 整除</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="88"/>
        <source>%1: no weights file (.safetensors) was given with it</source>
        <translation>%1：没有给出与之配套的权重文件（.safetensors）</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="90"/>
        <source>%1: no config file (.json) was given with it</source>
        <translation>%1：没有给出与之配套的配置文件（.json）</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="92"/>
        <source>the sentence is empty</source>
        <translation>句子是空的</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="94"/>
        <source>the word &quot;%1&quot; is not in the %2 vocabulary</source>
        <translation>%2 的词表里没有“%1”这个词</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="96"/>
        <source>&quot;%1&quot; is not a token id (expected a list like 1,2,3)</source>
        <translation>“%1”不是词元 id（应是 1,2,3 这样的列表）</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="98"/>
        <source>%1 has no vocabulary: give a vocabulary file (one token per line) or token ids</source>
        <translation>%1 没有词表：请给出词表文件（每行一个词元）或词元 id</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="100"/>
        <source>token id %1 at source position %2 is outside the vocabulary of %3</source>
        <translation>源句第 %2 个位置的词元 id %1 超出了大小为 %3 的词表</translation>
    </message>
    <message>
        <location filename="../../ui/common/core_messages.cpp" line="102"/>
        <source>token id %1 at target position %2 is outside the vocabulary of %3</source>
        <translation>目标句第 %2 个位置的词元 id %1 超出了大小为 %3 的词表</translation>
    </message>
</context>
<context>
    <name>alab::ui::ExportDialog</name>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="21"/>
        <source>Export all heads</source>
        <translation>导出全部注意力头</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="21"/>
        <location filename="../../ui/analysis/export_dialog.cpp" line="59"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="24"/>
        <source>PNG image</source>
        <translation>PNG 图片</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="25"/>
        <source>SVG vector image</source>
        <translation>SVG 矢量图</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="26"/>
        <source>PDF document</source>
        <translation>PDF 文档</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="27"/>
        <source>CSV numbers (token labels as header row and column)</source>
        <translation>CSV 数值（词元作为表头行和表头列）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="28"/>
        <source>NumPy .npy numbers</source>
        <translation>NumPy .npy 数值</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="34"/>
        <source> px</source>
        <translation> 像素</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="42"/>
        <source>2 or 3 for sharp figures on high-DPI screens and projectors</source>
        <translation>在高分屏和投影仪上用 2 或 3 可得到清晰的图</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="46"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="52"/>
        <source>Format:</source>
        <translation>格式：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="53"/>
        <source>Width:</source>
        <translation>宽度：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="54"/>
        <source>Height:</source>
        <translation>高度：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="55"/>
        <source>Scale:</source>
        <translation>缩放：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="56"/>
        <source>New folder:</source>
        <translation>新文件夹：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="56"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="94"/>
        <source>Export into</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="99"/>
        <source>Export to</source>
        <translation>导出到</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="99"/>
        <source>%1 files (*.%2)</source>
        <translation>%1 文件 (*.%2)</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="122"/>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 像素</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="124"/>
        <source>Vector figure, %1 × %2 points</source>
        <translation>矢量图，%1 × %2 点</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="126"/>
        <source>The numbers of the map as shown (one head)</source>
        <translation>当前图中的数值（一个头）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/export_dialog.cpp" line="127"/>
        <source>One file per layer and head, plus index.json</source>
        <translation>每层每个头一个文件，另加 index.json</translation>
    </message>
</context>
<context>
    <name>FigureExport</name>
    <message>
        <location filename="../../ui/analysis/all_heads_export.cpp" line="29"/>
        <source>cannot write %1: it exists and is not a folder</source>
        <translation>无法写入 %1：它已存在且不是文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/all_heads_export.cpp" line="32"/>
        <source>cannot write %1: the folder is not empty; choose a new or empty folder</source>
        <translation>无法写入 %1：文件夹不是空的；请选择新的或空的文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/all_heads_export.cpp" line="38"/>
        <source>No trace has been computed yet.</source>
        <translation>还没有计算出任何前向轨迹。</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/all_heads_export.cpp" line="40"/>
        <source>this model has no %1</source>
        <translation>这个模型没有%1</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/figure_export.cpp" line="50"/>
        <source>cannot start drawing</source>
        <translation>无法开始绘制</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/figure_export.cpp" line="89"/>
        <location filename="../../ui/analysis/figure_export.cpp" line="95"/>
        <location filename="../../ui/analysis/figure_export.cpp" line="105"/>
        <location filename="../../ui/analysis/figure_export.cpp" line="124"/>
        <location filename="../../ui/analysis/figure_export.cpp" line="142"/>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/figure_export.cpp" line="94"/>
        <source>the disk is full (%1 bytes to write)</source>
        <translation>磁盘已满（需要写入 %1 字节）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/figure_export.cpp" line="101"/>
        <source>cannot write %1: size %2 x %3 at scale %4 is out of range</source>
        <translation>无法写入 %1：尺寸 %2 x %3（缩放 %4）超出范围</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/figure_export.cpp" line="116"/>
        <source>the image could not be encoded</source>
        <translation>图片无法编码</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/figure_export.cpp" line="120"/>
        <source>%1 is not a figure format</source>
        <translation>%1 不是图片格式</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/figure_export.cpp" line="135"/>
        <source>cannot write %1: %2 is not a number format</source>
        <translation>无法写入 %1：%2 不是数值格式</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/figure_export.cpp" line="137"/>
        <source>cannot write %1: CSV holds one 2-D table; choose a head of %2</source>
        <translation>无法写入 %1：CSV 只能保存一张二维表；请从 %2 中选一个头</translation>
    </message>
</context>
<context>
    <name>alab::ui::HeadGridWidget</name>
    <message>
        <location filename="../../ui/analysis/head_grid_widget.cpp" line="21"/>
        <source>Layer %1, head %2: press Enter or click to open</source>
        <translation>第 %1 层，第 %2 个头：按回车或点击打开</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/head_grid_widget.cpp" line="121"/>
        <source>head %1</source>
        <translation>头 %1</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/head_grid_widget.cpp" line="124"/>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
</context>
<context>
    <name>alab::ui::HeatmapPlot</name>
    <message>
        <location filename="../../ui/analysis/heatmap_plot.cpp" line="198"/>
        <source>value</source>
        <translation>数值</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_plot.cpp" line="198"/>
        <source>weight (fixed 0–1)</source>
        <translation>权重（固定 0–1）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_plot.cpp" line="200"/>
        <source>▨ grey, hatched: masked — this key is hidden from this query, so its weight is exactly 0</source>
        <translation>▨ 灰色斜线：被遮盖 — 这个查询看不到该键，所以它的权重恰好为 0</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_plot.cpp" line="202"/>
        <source>▨ grey, hatched: masked (−∞) — this key is hidden from this query; not part of the colour scale</source>
        <translation>▨ 灰色斜线：被遮盖（−∞）— 这个查询看不到该键；不计入色标</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_plot.cpp" line="241"/>
        <source>−∞ (masked)</source>
        <translation>−∞（被遮蔽）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_plot.cpp" line="242"/>
        <source>0 (masked)</source>
        <translation>0（被遮盖）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_plot.cpp" line="245"/>
        <source>%1 (%2, writes %3) → %4 (%5): %6</source>
        <translation>%1（%2，写出 %3）→ %4（%5）：%6</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_plot.cpp" line="253"/>
        <source>%1 (%2) → %3 (%4): %5</source>
        <translation>%1（%2）→ %3（%4）：%5</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/heatmap_plot.cpp" line="259"/>
        <source>%1 (%2 %3) · %4 %5: %6</source>
        <translation>%1（%2 %3）· %4 %5：%6</translation>
    </message>
</context>
<context>
    <name>alab::ui::ModelCaption</name>
    <message>
        <location filename="../../ui/analysis/model_caption.cpp" line="20"/>
        <source>random weights (untrained)</source>
        <translation>随机权重（未经训练）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/model_caption.cpp" line="29"/>
        <source>Model: &lt;b&gt;%1&lt;/b&gt;</source>
        <translation>模型：&lt;b&gt;%1&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/model_caption.cpp" line="33"/>
        <source>This model&apos;s weights are seeded random numbers, not learned in training: its maps show how attention computes, not what a trained model attends to.</source>
        <translation>这个模型的权重是按种子生成的随机数，并非训练所得：图中展示的是注意力如何计算，而不是训练好的模型关注什么。</translation>
    </message>
</context>
<context>
    <name>alab::ui::OpenModelDialog</name>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="22"/>
        <source>Open model</source>
        <translation>打开模型</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="28"/>
        <source>optional: one token per line</source>
        <translation>可选：每行一个词元</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="31"/>
        <source>optional: the decoder&apos;s input</source>
        <translation>可选：解码器的输入</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="32"/>
        <source>Sentences are token ids (1,2,3)</source>
        <translation>句子以词元编号给出（1,2,3）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="40"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="46"/>
        <source>Weights (.safetensors):</source>
        <translation>权重（.safetensors）：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="46"/>
        <source>safetensors (*.safetensors)</source>
        <translation>safetensors (*.safetensors)</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="47"/>
        <source>Config (.json):</source>
        <translation>配置（.json）：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="47"/>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="48"/>
        <source>Vocabulary:</source>
        <translation>词表：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="48"/>
        <source>Text (*.txt)</source>
        <translation>文本 (*.txt)</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="49"/>
        <source>Source:</source>
        <translation>源句：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="50"/>
        <source>Target:</source>
        <translation>目标句：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="83"/>
        <source>Choose a file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="90"/>
        <source>Could not open the model: %1
The previous model stays loaded.</source>
        <translation>无法打开模型：%1
之前的模型仍然保留。</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="95"/>
        <source>Choose the weights file (.safetensors).</source>
        <translation>请选择权重文件（.safetensors）。</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="96"/>
        <source>Choose the config file (.json) that belongs to the weights.</source>
        <translation>请选择与权重配套的配置文件（.json）。</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="97"/>
        <source>Type a source sentence (or token ids).</source>
        <translation>请输入源句子（或词元编号）。</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/open_model_dialog.cpp" line="99"/>
        <source>Without a vocabulary file the model cannot read words: choose one, or tick “Sentences are token ids” and type ids such as 1,2,3.</source>
        <translation>没有词表文件，模型无法读取单词：请选择词表，或勾选“句子以词元编号给出”并输入 1,2,3 这样的编号。</translation>
    </message>
</context>
<context>
    <name>alab::ui::PositionalView</name>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="136"/>
        <source>This model does not add sinusoidal positions; the figures show the paper&apos;s encoding for its width.</source>
        <translation>这个模型没有加入正弦位置编码；图中显示的是论文中同样宽度的编码。</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="144"/>
        <source>Sinusoidal positional encoding for d_model = %1 (%2). Positions and dimensions count from 1 (position 1 is pos = 0 in the paper&apos;s formula). %3</source>
        <translation>d_model = %1 的正弦位置编码（%2）。位置和维度都从 1 数起（位置 1 即论文公式中的 pos = 0）。%3</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="147"/>
        <source>no model loaded</source>
        <translation>尚未加载模型</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="152"/>
        <source>PE(position, dimension)</source>
        <translation>PE(位置, 维度)</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="154"/>
        <location filename="../../ui/analysis/positional_view.cpp" line="182"/>
        <source>position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="155"/>
        <source>dimension</source>
        <translation>维度</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="176"/>
        <source>dimension %1 (%2)</source>
        <translation>维度 %1（%2）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="177"/>
        <source>dim %1</source>
        <translation>维度 %1</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="180"/>
        <source>No dimension to draw: type numbers from 1 to %1 (d_model), separated by commas</source>
        <translation>没有可绘制的维度：请输入 1 到 %1（d_model）之间的数字，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="183"/>
        <source>PE value</source>
        <translation>PE 值</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="208"/>
        <source>position %1</source>
        <translation>位置 %1</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="240"/>
        <source>Up to six dimensions from 1 to d_model, separated by commas</source>
        <translation>最多六个维度，取值 1 到 d_model，用逗号分隔</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="181"/>
        <source>Chosen dimensions against position</source>
        <translation>所选维度随位置的变化</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="211"/>
        <source>offset k</source>
        <translation>偏移 k</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="212"/>
        <source>PE(p) · PE(p + k)</source>
        <translation>PE(p) · PE(p + k)</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="214"/>
        <source>The dot product depends only on the offset k</source>
        <translation>点积只取决于偏移 k</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="234"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="238"/>
        <source>Positions:</source>
        <translation>位置数：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="239"/>
        <source>Dimensions:</source>
        <translation>维度：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="241"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="244"/>
        <source>Position × dimension heatmap…</source>
        <translation>位置 × 维度热力图…</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="245"/>
        <source>Dimensions against position…</source>
        <translation>维度随位置变化图…</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/positional_view.cpp" line="246"/>
        <source>Dot product against offset…</source>
        <translation>点积随偏移变化图…</translation>
    </message>
</context>
<context>
    <name>alab::ui::TensorInspector</name>
    <message>
        <location filename="../../ui/analysis/tensor_inspector.cpp" line="165"/>
        <source>&lt;b&gt;%1&lt;/b&gt; shape %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 形状 %2</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_inspector.cpp" line="167"/>
        <source> — layer %1 (tensor names count from 0)</source>
        <translation> — 第 %1 层（张量名从 0 数起）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_inspector.cpp" line="169"/>
        <source>, head %1 shown (index %2 in the data) [%3, %4]</source>
        <translation>，显示第 %1 个头（数据中的下标为 %2）[%3, %4]</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_inspector.cpp" line="174"/>
        <source>min %1 · max %2 · mean %3 · std %4</source>
        <translation>最小 %1 · 最大 %2 · 均值 %3 · 标准差 %4</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_inspector.cpp" line="176"/>
        <source> · %1 masked (−∞) entries</source>
        <translation> · %1 个被遮蔽（−∞）的元素</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_inspector.cpp" line="194"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_inspector.cpp" line="198"/>
        <source>Heatmap</source>
        <translation>热力图</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_inspector.cpp" line="199"/>
        <source>Table</source>
        <translation>表格</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_inspector.cpp" line="200"/>
        <source>Head:</source>
        <translation>头：</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_inspector.cpp" line="201"/>
        <source>Heads count from 1 here; the data&apos;s head index is one less</source>
        <translation>这里的头从 1 数起；数据中的头下标比它小 1</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_inspector.cpp" line="202"/>
        <source>Copy as TSV</source>
        <translation>复制为 TSV</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_inspector.cpp" line="203"/>
        <source>Copies the selected cells (or the whole table) with their token labels</source>
        <translation>连同词元标签复制选中的单元格（未选中时复制整张表）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_inspector.cpp" line="204"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
</context>
<context>
    <name>alab::ui::TensorTableModel</name>
    <message>
        <location filename="../../ui/analysis/tensor_table_model.cpp" line="61"/>
        <source>Σ row</source>
        <translation>Σ 行</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_table_model.cpp" line="70"/>
        <source>row %1 (%2) · %3: %4</source>
        <translation>第 %1 行（%2）· %3：%4</translation>
    </message>
</context>
<context>
    <name>alab::ui::TensorTreeModel</name>
    <message>
        <location filename="../../ui/analysis/tensor_tree_model.cpp" line="48"/>
        <source>layer %1</source>
        <translation>第 %1 层</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_tree_model.cpp" line="49"/>
        <source>encoder</source>
        <translation>编码器</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_tree_model.cpp" line="50"/>
        <source>decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_tree_model.cpp" line="51"/>
        <source>inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_tree_model.cpp" line="52"/>
        <source>output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_tree_model.cpp" line="53"/>
        <source>self-attention</source>
        <translation>自注意力</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_tree_model.cpp" line="54"/>
        <source>cross-attention</source>
        <translation>交叉注意力</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_tree_model.cpp" line="55"/>
        <source>feed-forward</source>
        <translation>前馈网络</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_tree_model.cpp" line="95"/>
        <source>%1.* in tensor names, which count layers from 0</source>
        <translation>张量名中的 %1.*（张量名的层号从 0 数起）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_tree_model.cpp" line="105"/>
        <source>Tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/tensor_tree_model.cpp" line="105"/>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
</context>
<context>
    <name>alab::ui::TraceSession</name>
    <message>
        <location filename="../../ui/common/trace_session.cpp" line="83"/>
        <location filename="../../ui/common/trace_session.cpp" line="93"/>
        <source>No model is loaded.</source>
        <translation>尚未加载模型。</translation>
    </message>
    <message>
        <location filename="../../ui/common/trace_session.cpp" line="111"/>
        <source>The sentence is empty.</source>
        <translation>句子是空的。</translation>
    </message>
    <message>
        <location filename="../../ui/common/trace_session.cpp" line="113"/>
        <source>The sentence has %1 tokens; this model takes at most %2.</source>
        <translation>句子有 %1 个词元；这个模型最多接受 %2 个。</translation>
    </message>
    <message>
        <location filename="../../ui/common/trace_session.cpp" line="125"/>
        <source>This input needs about %1 of memory for its forward pass, but only %2 is available. Use fewer words.</source>
        <translation>这个输入的前向计算大约需要 %1 内存，但只有 %2 可用。请减少词数。</translation>
    </message>
    <message>
        <location filename="../../ui/common/trace_session.cpp" line="137"/>
        <source>There was not enough memory for this forward pass. Use fewer words.</source>
        <translation>内存不足，无法完成这次前向计算。请减少词数。</translation>
    </message>
</context>
<context>
    <name>alab::ui::WeightExplainer</name>
    <message>
        <location filename="../../ui/analysis/weight_explainer.cpp" line="31"/>
        <source>Click a cell of the attention map (or move to it with the arrow keys and press Enter) to see how its weight was made: the dot product q·k, the division by √d&lt;sub&gt;k&lt;/sub&gt;, and the softmax over its row.</source>
        <translation>点击注意力图中的一个格子（或用方向键移到格子上再按回车），即可看到它的权重是怎样算出来的：点积 q·k、除以 √d&lt;sub&gt;k&lt;/sub&gt;，以及对这一行做 softmax。</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/weight_explainer.cpp" line="41"/>
        <source> + … (%1 terms)</source>
        <translation> + …（共 %1 项）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/weight_explainer.cpp" line="61"/>
        <source>key</source>
        <translation>键（key）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/weight_explainer.cpp" line="61"/>
        <source>scaled</source>
        <translation>缩放后</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/weight_explainer.cpp" line="61"/>
        <source>e&lt;sup&gt;scaled − max&lt;/sup&gt;</source>
        <translation>e&lt;sup&gt;缩放后 − 最大值&lt;/sup&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/weight_explainer.cpp" line="61"/>
        <source>weight</source>
        <translation>权重</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/weight_explainer.cpp" line="70"/>
        <source>(%1 of %2 keys shown, largest first)</source>
        <translation>（显示 %2 个键中的 %1 个，从大到小）</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/weight_explainer.cpp" line="71"/>
        <source>Σ e&lt;sup&gt;scaled − max&lt;/sup&gt; = %1; weight = e&lt;sup&gt;scaled − max&lt;/sup&gt; / Σ; the row sums to %2.</source>
        <translation>Σ e&lt;sup&gt;缩放后 − 最大值&lt;/sup&gt; = %1；权重 = e&lt;sup&gt;缩放后 − 最大值&lt;/sup&gt; / Σ；这一行的和为 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/weight_explainer.cpp" line="87"/>
        <source>How the weight %1 = %2 was made</source>
        <translation>权重 %1 = %2 是怎样算出来的</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/weight_explainer.cpp" line="89"/>
        <source>Score: q&lt;sub&gt;%1&lt;/sub&gt;·k&lt;sub&gt;%2&lt;/sub&gt; = %3 = &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>分数：q&lt;sub&gt;%1&lt;/sub&gt;·k&lt;sub&gt;%2&lt;/sub&gt; = %3 = &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/weight_explainer.cpp" line="95"/>
        <source>Masked: this key is hidden from this query (causal or padding mask), so its scaled score is −∞ and its weight is exactly 0.</source>
        <translation>被遮蔽：这个键对该查询不可见（因果遮蔽或填充遮蔽），所以缩放分数是 −∞，权重恰好为 0。</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/weight_explainer.cpp" line="97"/>
        <source>Scale: %1 ÷ √%2 = %1 ÷ %3 = &lt;b&gt;%4&lt;/b&gt;</source>
        <translation>缩放：%1 ÷ √%2 = %1 ÷ %3 = &lt;b&gt;%4&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/weight_explainer.cpp" line="98"/>
        <source>Softmax over the row of %1:</source>
        <translation>对 %1 这一行做 softmax：</translation>
    </message>
</context>
<context>
    <name>alab::ui::AnalysisViews</name>
    <message>
        <location filename="../../ui/analysis/analysis_views.cpp" line="123"/>
        <source>Attention heatmap</source>
        <translation>注意力热力图</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/analysis_views.cpp" line="124"/>
        <source>All heads</source>
        <translation>全部注意力头</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/analysis_views.cpp" line="125"/>
        <source>Positional encoding</source>
        <translation>位置编码</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/analysis_views.cpp" line="126"/>
        <source>Tensor inspector</source>
        <translation>张量检查器</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/analysis_views.cpp" line="127"/>
        <source>&amp;Open model…</source>
        <translation>打开模型(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/analysis_views.cpp" line="128"/>
        <source>Load a safetensors + config JSON pair and a sentence</source>
        <translation>加载一对 safetensors 与配置 JSON 文件，以及一个句子</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/analysis_views.cpp" line="129"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/analysis_views.cpp" line="130"/>
        <source>Export the figure shown as PNG, SVG or PDF, or its numbers as CSV or .npy</source>
        <translation>把当前图导出为 PNG、SVG 或 PDF，或把数值导出为 CSV 或 .npy</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/analysis_views.cpp" line="131"/>
        <source>Export &amp;all heads…</source>
        <translation>导出全部注意力头(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/analysis_views.cpp" line="134"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/analysis/analysis_views.cpp" line="134"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
</context>
</TS>
