<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ArchitectureMap</name>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="39"/>
        <location filename="../../core/lessons/architecture_map.cpp" line="90"/>
        <source>Norm</source>
        <translation>归一化</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="40"/>
        <source>LayerNorm before the sublayer</source>
        <translation>子层之前做 LayerNorm</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="42"/>
        <source>Add</source>
        <translation>残差相加</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="43"/>
        <source>x + sublayer(norm(x))</source>
        <translation>x + sublayer(norm(x))</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="47"/>
        <source>Add &amp; Norm</source>
        <translation>残差与归一化</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="48"/>
        <source>norm(x + sublayer(x))</source>
        <translation>norm(x + sublayer(x))</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="55"/>
        <source>%1 head × d_k %2</source>
        <translation>%1 个头 × d_k %2</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="55"/>
        <source>%1 heads × d_k %2</source>
        <translation>%1 个头 × d_k %2</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="62"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="62"/>
        <source>Outputs (shifted right)</source>
        <translation>输出（右移一位）</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="64"/>
        <source>every word at once</source>
        <translation>所有词同时读入</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="65"/>
        <source>&lt;bos&gt; and the words so far</source>
        <translation>&lt;bos&gt; 和已生成的词</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="68"/>
        <source>Input Embedding</source>
        <translation>输入嵌入</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="68"/>
        <source>Output Embedding</source>
        <translation>输出嵌入</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="70"/>
        <source>%1 words → d_model %2, × √%2</source>
        <translation>%1 个词 → d_model %2，× √%2</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="71"/>
        <source>%1 words → d_model %2</source>
        <translation>%1 个词 → d_model %2</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="72"/>
        <source>sin / cos, added</source>
        <translation>sin / cos，相加</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="73"/>
        <source>a learned table, added</source>
        <translation>学到的表，相加</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="74"/>
        <source>none in this model</source>
        <translation>本模型没有</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="76"/>
        <source>Positional Encoding</source>
        <translation>位置编码</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="81"/>
        <source>Feed Forward</source>
        <translation>前馈网络</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="82"/>
        <source>%1 → d_ff %2 → %1, ReLU</source>
        <translation>%1 → d_ff %2 → %1，ReLU</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="83"/>
        <source>%1 → d_ff %2 → %1, GELU</source>
        <translation>%1 → d_ff %2 → %1，GELU</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="91"/>
        <source>after the last layer</source>
        <translation>在最后一层之后</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="100"/>
        <location filename="../../core/lessons/architecture_map.cpp" line="115"/>
        <source>Multi-Head Attention</source>
        <translation>多头注意力</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="112"/>
        <source>Masked Multi-Head Attention</source>
        <translation>带掩码的多头注意力</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="113"/>
        <source>no peeking at later words</source>
        <translation>看不到后面的词</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="116"/>
        <source>Q from here, K and V from the encoder</source>
        <translation>Q 来自这里，K 和 V 来自编码器</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="120"/>
        <source>Linear</source>
        <translation>线性层</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="121"/>
        <source>d_model %1 → %2 words</source>
        <translation>d_model %1 → %2 个词</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="122"/>
        <source>Softmax</source>
        <translation>Softmax</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="124"/>
        <source>Output Probabilities</source>
        <translation>输出概率</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="125"/>
        <source>the next word</source>
        <translation>下一个词</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="159"/>
        <source>d_model %1 · h = %2 heads × d_k %3 · d_ff %4 · pre-norm</source>
        <translation>d_model %1 · h = %2 个头 × d_k %3 · d_ff %4 · 前置归一化（pre-norm）</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="160"/>
        <source>d_model %1 · h = %2 heads × d_k %3 · d_ff %4 · post-norm (as the paper)</source>
        <translation>d_model %1 · h = %2 个头 × d_k %3 · d_ff %4 · 后置归一化（post-norm，与论文相同）</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="162"/>
        <source>%1 head</source>
        <translation>%1 个头</translation>
    </message>
    <message>
        <location filename="../../core/lessons/architecture_map.cpp" line="162"/>
        <source>%1 heads</source>
        <translation>%1 个头</translation>
    </message>
</context>
<context>
    <name>alab::ui::ArchitectureMapView</name>
    <message>
        <location filename="../../ui/lesson/architecture_map_paint.cpp" line="122"/>
        <source>This model, drawn as the paper&apos;s Figure 1</source>
        <translation>本模型的结构（按论文图 1 绘制）</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/architecture_map_paint.cpp" line="129"/>
        <source>Outlined: the lesson “%1”</source>
        <translation>红框：课程“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/architecture_map_paint.cpp" line="150"/>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/architecture_map_paint.cpp" line="168"/>
        <source>Encoder</source>
        <translation>编码器</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/architecture_map_paint.cpp" line="168"/>
        <source>Decoder</source>
        <translation>解码器</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/architecture_map_paint.cpp" line="168"/>
        <source>Decoder — not in this model</source>
        <translation>解码器 —— 本模型没有</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/architecture_map_paint.cpp" line="135"/>
        <source>Click a block to open its lesson. Dotted outline: its lesson is not in the course yet.</source>
        <translation>点击方块打开对应的课程。虚线框：这一课还没有加入课程。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/architecture_map_view.cpp" line="148"/>
        <source>This model has no such layer; the block shows where it would be.</source>
        <translation>本模型没有这一层；方块只标出它本来所在的位置。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/architecture_map_view.cpp" line="151"/>
        <source>Click to open the lesson “%1”.</source>
        <translation>点击打开课程“%1”。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/architecture_map_view.cpp" line="154"/>
        <source>Its lesson (%1) is not in the course yet.</source>
        <translation>它的课程（%1）还没有加入课程。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/architecture_map_view.cpp" line="200"/>
        <source>Architecture</source>
        <translation>结构图</translation>
    </message>
</context>
<context>
    <name>alab::ui::ExplanationPanel</name>
    <message>
        <location filename="../../ui/lesson/explanation_panel.cpp" line="87"/>
        <source>Explanation of the step</source>
        <translation>本步讲解</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="188"/>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="136"/>
        <source>⋮  %1 more words</source>
        <translation>⋮  还有 %1 个词</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="13"/>
        <source>The words become vectors</source>
        <translation>词变成向量</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="35"/>
        <source>This model also adds a positional encoding to every vector, so the same word at another place in the sentence gets different numbers.</source>
        <translation>这个模型还会给每个向量加上位置编码：同一个词出现在句子的不同位置，得到的数字也不同。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="84"/>
        <source>Queries, keys and values</source>
        <translation>查询、键和值</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="102"/>
        <source>x has d_model = %1 numbers but q, k and v have d_k = %2, so W^Q is a %1 × %2 matrix. The paper splits d_model = %3 among h = %4 heads, so there d_k = %3 / %4 = %5; this model (h = %6) sets its own d_k. The article draws a smaller W^Q still, 4 × 3.</source>
        <translation>x 有 d_model = %1 个数，q、k、v 却各有 d_k = %2 个，所以 W^Q 是 %1 × %2 的矩阵。论文把 d_model = %3 分给 h = %4 个头，那里 d_k = %3 / %4 = %5；这个模型（h = %6）自己定了 d_k。文章画的 W^Q 更小，只有 4 × 3。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="142"/>
        <source>Scores: how well do two words match?</source>
        <translation>打分：两个词有多匹配？</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="16"/>
        <source>A network cannot read letters, so each word is looked up in a table of numbers. “%1” becomes the vector x₁ and “%2” becomes x₂, each %3 numbers long. Stacked as rows, they form the matrix X.</source>
        <translation>网络读不懂字母，所以每个词都要到一张数字表里查出来。“%1”变成向量 x₁，“%2”变成 x₂，每个有 %3 个数。把它们按行叠起来，就得到矩阵 X。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="21"/>
        <source>A network cannot read letters, so each word is looked up in a table of numbers. “%1” becomes the vector x₁, “%2” becomes x₂, and so on up to %3, each %4 numbers long. Stacked as rows, the %5 vectors form the matrix X.</source>
        <translation>网络读不懂字母，所以每个词都要到一张数字表里查出来。“%1”变成向量 x₁，“%2”变成 x₂，依此类推直到 %3，每个有 %4 个数。把这 %5 个向量按行叠起来，就得到矩阵 X。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="124"/>
        <location filename="../../core/lessons/positional_lesson.cpp" line="123"/>
        <location filename="../../core/lessons/thinking_machines.cpp" line="26"/>
        <source>This model is untrained: its word table and all its weight matrices hold random numbers. The arithmetic of every step is real, but what the words attend to means nothing yet.</source>
        <translation>这个模型没有训练过：词表和所有权重矩阵里都是随机数。每一步的计算都是真的，但词与词之间的关注目前还没有意义。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="30"/>
        <source>The numbers of this example were chosen by hand, as in the article, so that the arithmetic is easy to follow. A real model learns them in training.</source>
        <translation>这个例子的数字和文章里一样是手工挑选的，便于跟着算。真正的模型要在训练中学出这些数。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="39"/>
        <source>This model normalises first (pre-norm): attention reads X = LayerNorm(x), the word vectors scaled to mean 0 and variance 1 (tensor %1), not x itself.</source>
        <translation>这个模型先做归一化（pre-norm）：注意力读的是 X = LayerNorm(x)，即把词向量调整为均值 0、方差 1 之后的结果（张量 %1），而不是 x 本身。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="87"/>
        <source>Each word vector is multiplied by three weight matrices that were learned in training.</source>
        <translation>每个词向量分别乘以三个在训练中学到的权重矩阵。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="89"/>
        <source>Each word vector is multiplied by three weight matrices, here random ones: the model is untrained.</source>
        <translation>每个词向量分别乘以三个权重矩阵；这里它们是随机的，因为模型没有训练过。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="91"/>
        <source>Each word vector is multiplied by three weight matrices, read from the model&apos;s files (no training log lies beside them, so whether they were trained is not known here).</source>
        <translation>每个词向量分别乘以三个权重矩阵，它们读自模型的文件（旁边没有训练日志，所以这里无法得知它们是否经过训练）。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="93"/>
        <source>Each word vector is multiplied by three weight matrices, chosen by hand for this example.</source>
        <translation>每个词向量分别乘以三个为这个例子手工挑选的权重矩阵。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="94"/>
        <source>X·W^Q gives every word a query (what it is looking for), X·W^K a key (what it offers) and X·W^V a value (what it passes on).</source>
        <translation>X·W^Q 给每个词一个查询（它在找什么），X·W^K 给一个键（它能提供什么），X·W^V 给一个值（它要传递什么）。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="98"/>
        <source>x has d_model = %1 numbers; q, k and v have d_k = %2. As in the paper, the %3 heads share the width: d_k = d_model / h = %1 / %3. The stage shows head %4.</source>
        <translation>x 有 d_model = %1 个数；q、k、v 各有 d_k = %2 个。和论文一样，%3 个头平分宽度：d_k = d_model / h = %1 / %3。舞台上显示的是第 %4 个头。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="146"/>
        <source>How much should “%1” look at each word? Take its query %2 and every key, multiply them number by number and add the products up: this is the dot product. Here %3. A larger score means a better match.</source>
        <translation>“%1”应该多关注每个词？取它的查询 %2 和每个键，逐个数相乘再把乘积加起来，这就是点积。这里 %3。分数越大，表示越匹配。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="196"/>
        <source>Scale by √dₖ</source>
        <translation>除以 √dₖ 缩放</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="200"/>
        <source>Divide every score by √d_k = √%1 = %2, so %3 becomes %4 and %5 becomes %6.</source>
        <translation>把每个分数除以 √d_k = √%1 = %2：%3 变成 %4，%5 变成 %6。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="204"/>
        <source>Why? Dot products of long vectors grow large. Softmax of large numbers is nearly all zeros and a single one; there its gradients almost vanish and the model learns very slowly.</source>
        <translation>为什么要这样做？向量越长，点积往往越大。对很大的数做 softmax，结果几乎全是 0，只有一个接近 1；这时梯度几乎消失，模型就很难学下去。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="10"/>
        <source>Softmax: scores become shares</source>
        <translation>Softmax：分数变成占比</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="28"/>
        <source>Subtract the largest score from each (this changes no share, but keeps the numbers small), raise e to the power of each, add the results, and divide each one by that sum.</source>
        <translation>先从每个分数里减去最大的那个（份额不变，但数字不会太大），再求 e 的这些次幂，把结果加起来，最后用每一项除以这个和。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="32"/>
        <source>The shares are positive and add up to 1: “%1” gives %2 of its attention to itself and %3 to “%4”.</source>
        <translation>这些份额都是正数，加起来等于 1：“%1”把 %2 的注意力给自己，%3 给“%4”。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="36"/>
        <source>The shares are positive and add up to 1: “%1” gives %2 of its attention to itself, and its largest share of the other %3 words, %4, to “%5”.</source>
        <translation>这些份额都是正数，加起来等于 1：“%1”把 %2 的注意力给自己；在其余 %3 个词里，最大的一份 %4 给了“%5”。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="42"/>
        <source>What if: without ÷√d_k softmax gets the raw scores, and the largest one takes almost everything.</source>
        <translation>假如不除以 √d_k：softmax 拿到的是原始分数，最大的那个几乎拿走全部份额。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="45"/>
        <source>What if: the scores are divided by a temperature T = %1 first. Below 1 the shares get sharper, above 1 more even.</source>
        <translation>假如先把分数除以温度 T = %1：T 小于 1 时份额更集中，大于 1 时更平均。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="104"/>
        <source>Multiply each word’s value vector by its share: %1. A word with a large share keeps most of its value; a word with a small share is turned down.</source>
        <translation>把每个词的值向量乘以它的份额：%1。份额大的词保留了大部分的值；份额小的词被调弱。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="223"/>
        <source>In practice every word is done at once. One matrix product QKᵀ gives all the scores, softmax runs along each row, and a second product with V mixes the values. Row i of Z is the z_i of step 7: the same numbers as step by step (largest difference %1).</source>
        <translation>实际计算时所有词一起算。一次矩阵乘法 QKᵀ 得到全部分数，softmax 沿每一行计算，再乘以 V 混合各个值。Z 的第 i 行就是第 7 步的 z_i：和逐步计算的数字相同（最大差 %1）。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="90"/>
        <source>Weight the values</source>
        <translation>给值加权</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="159"/>
        <source>Add them up: z₁, then z₂</source>
        <translation>相加：先得 z₁，再得 z₂</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="162"/>
        <source>Adding the weighted values gives %1, the new vector for “%2”: it now carries information from the whole sentence, %3 words. The same steps for “%4” give its own shares (%5) and its vector %6.</source>
        <translation>把加权后的值相加，得到 %1，即“%2”的新向量：它现在带有整句话（%3 个词）的信息。对“%4”做同样的步骤，得到它自己的份额（%5）和它的向量 %6。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="217"/>
        <source>All words at once: the matrix form</source>
        <translation>一次算完所有词：矩阵形式</translation>
    </message>
    <message>
        <location filename="../../core/lessons/registry.cpp" line="19"/>
        <source>Why attention: an RNN reads word by word</source>
        <translation>为什么要注意力：RNN 逐词阅读</translation>
    </message>
    <message>
        <location filename="../../core/lessons/registry.cpp" line="20"/>
        <source>Self-attention, step by step</source>
        <translation>自注意力，一步一步</translation>
    </message>
    <message>
        <location filename="../../core/lessons/registry.cpp" line="21"/>
        <source>Multi-head attention: several heads at once</source>
        <translation>多头注意力：几个头同时看</translation>
    </message>
    <message>
        <location filename="../../core/lessons/registry.cpp" line="22"/>
        <source>Positional encoding: where each word stands</source>
        <translation>位置编码：每个词站在哪里</translation>
    </message>
    <message>
        <location filename="../../core/lessons/registry.cpp" line="23"/>
        <source>The encoder layer: Add &amp; Norm and the FFN</source>
        <translation>编码器层：Add &amp; Norm 与前馈网络</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.h" line="71"/>
        <source>A score of −∞ comes from a mask: that word may not be looked at (it is padding, or a later word in a decoder). e^(−∞) = 0, so it gets a share of exactly 0.</source>
        <translation>−∞ 的分数来自掩码：这个词不允许被关注（它是填充，或者是解码器里后面的词）。e^(−∞) = 0，所以它的份额正好是 0。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="88"/>
        <source>Shown on the model of the window, on “%1”.</source>
        <translation>这里用的是窗口里的模型，句子是“%1”。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="89"/>
        <source>Shown on the trained en→zh model that comes with AttentionLab, on the sentence “%1” (the Thinking Machines example has a single head).</source>
        <translation>这里用的是 AttentionLab 自带的、训练好的英→中模型，句子是“%1”（Thinking Machines 的例子只有一个头）。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="113"/>
        <source>Split d_model into heads</source>
        <translation>把 d_model 切成几个头</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="114"/>
        <source>Instead of one attention over all d_model numbers, the Transformer runs h smaller ones, the heads. The paper’s base model has d_model = %1 and h = %2, so each head works with d_k = %1 / %2 = %3 numbers.</source>
        <translation>Transformer 不是用一个注意力处理全部 d_model 个数，而是同时跑 h 个小一些的注意力，叫作“头”。论文的基础模型 d_model = %1，h = %2，所以每个头处理 d_k = %1 / %2 = %3 个数。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="139"/>
        <location filename="../../core/lessons/positional_relative.cpp" line="95"/>
        <location filename="../../core/lessons/scene_builder.cpp" line="43"/>
        <source>%1 × %2 numbers in all</source>
        <translation>共 %1 × %2 个数</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="142"/>
        <source>the paper’s base model: d_model = %1 = %2 heads × %3</source>
        <translation>论文的基础模型：d_model = %1 = %2 个头 × %3</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="144"/>
        <source>this model: d_model = %1 = %2 heads × %3</source>
        <translation>这个模型：d_model = %1 = %2 个头 × %3</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="146"/>
        <source>row h: the %1 numbers head h works with</source>
        <translation>第 h 行：第 h 个头处理的 %1 个数</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="152"/>
        <source>The heads run side by side</source>
        <translation>各个头并排运行</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="158"/>
        <source>Each head has its own W^Q, W^K and W^V, so it computes its own scores and its own softmax: %1 attention patterns from the same words. None of them waits for another, so all %1 run at the same time.</source>
        <translation>每个头都有自己的 W^Q、W^K 和 W^V，所以各算各的分数、各做各的 softmax：同样的词，得到 %1 种注意力模式。谁也不用等谁，%1 个头同时计算。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="118"/>
        <source>The model here has d_model = %1 = %2 × %3. On the stage, the query of “%4” (%1 numbers) is cut into %2 rows of %3: row h is what head h compares with the keys.</source>
        <translation>这里的模型 d_model = %1 = %2 × %3。舞台上，“%4”的查询（%1 个数）被切成 %2 行、每行 %3 个：第 h 行是第 h 个头拿去和各个键比较的那一段。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="161"/>
        <source>Each small map on the stage is one head (rows: the word that asks, columns: the words 1 … %1 it reads). The row of “%2” is framed in every map; the word each head reads most from it: %3.</source>
        <translation>舞台上每张小图是一个头（行：发问的词；列：它读取的第 1 … %1 个词）。每张图里“%2”那一行都加了框；每个头从这一行读得最多的词是：%3。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="189"/>
        <source>attention weights of each head, layer %1</source>
        <translation>第 %1 层各个头的注意力权重</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="195"/>
        <source>Concat: the heads’ outputs side by side</source>
        <translation>拼接：把各个头的输出并排放</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="196"/>
        <source>Each head returns %1 numbers for “%2”: its weighted mix of the values. Written one after the other they give %3 × %1 = %4 numbers again, the width the model started with.</source>
        <translation>每个头为“%2”返回 %1 个数，也就是它对各个值的加权混合。把它们首尾相接，又得到 %3 × %1 = %4 个数，正好是模型原来的宽度。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="221"/>
        <source>%1 numbers in all</source>
        <translation>共 %1 个数</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="244"/>
        <source>One more matrix mixes the heads</source>
        <translation>再乘一个矩阵：混合各个头</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="246"/>
        <source>The concatenated row is multiplied by one more learned matrix, W^O (%1 × %2), and a bias is added. Every output number mixes all heads, so what one head found can reach every number of “%3”.</source>
        <translation>拼接后的这一行再乘以一个学到的矩阵 W^O（%1 × %2），并加上偏置。每个输出数都混合了所有的头，所以一个头发现的东西可以传到“%3”的每一个数上。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="250"/>
        <source>The four matrices W^Q, W^K, W^V and W^O hold %1 × %2 = %3 numbers each, exactly as many as one head %2 wide would need: splitting costs nothing. In the base model: %4 each.</source>
        <translation>W^Q、W^K、W^V 和 W^O 这四个矩阵各有 %1 × %2 = %3 个数，和一个宽度为 %2 的单头所需的一样多：切分并不增加开销。基础模型里每个是 %4 个。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="272"/>
        <source>W^O: %1 × %2</source>
        <translation>W^O：%1 × %2</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="278"/>
        <source>Why several heads help</source>
        <translation>为什么多个头有用</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="281"/>
        <source>One head has one row of shares that adds up to 1: to read two words strongly it must split that 1 between them, and the mix blurs both. With %1 heads, “%2” reads %3 different words most strongly at the same time.</source>
        <translation>一个头只有一行加起来等于 1 的份额：想同时重点读两个词，就得把这个 1 分给它们，结果两个都变模糊。有了 %1 个头，“%2”可以同时重点读 %3 个不同的词。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="285"/>
        <source>In training the heads specialise: one may follow the next word, another the verb, another the word itself. W^O then combines their findings into one vector.</source>
        <translation>训练中各个头会分工：有的可能盯着下一个词，有的盯着动词，有的盯着词本身。然后 W^O 把它们的发现合成一个向量。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/multi_head.cpp" line="304"/>
        <source>what “%1” reads, head by head</source>
        <translation>“%1”读了什么，逐个头来看</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="220"/>
        <source>before:</source>
        <translation>之前：</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="221"/>
        <source>after:</source>
        <translation>之后：</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="228"/>
        <source>The residual stream</source>
        <translation>残差流</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="229"/>
        <source>Attention does not replace a word’s vector, it adds to it. What attention returns for “%1” is added, number by number, to the vector x that went in. This sum is the residual stream: each sublayer only adds a correction, and the original vector always gets through.</source>
        <translation>注意力并不替换词的向量，而是在它上面加一笔。注意力为“%1”算出的结果，逐个数地加到输入的向量 x 上。这个和就是残差流：每个子层只负责添上一点修正，原来的向量始终能直通过去。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="233"/>
        <source>In training the gradient flows back through the + unchanged, so even the first of many layers keeps learning.</source>
        <translation>训练时，梯度经过这个加号原样往回传，所以即使层数很多，最前面的层也照样能学习。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="236"/>
        <source>This model is pre-norm: attention reads LayerNorm(x), not x (next step), but what it returns is added to x itself.</source>
        <translation>这个模型是 pre-norm：注意力读的是 LayerNorm(x) 而不是 x（见下一步），但它的结果仍然加回到 x 本身上。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="256"/>
        <source>Add &amp; Norm: mean 0, variance 1</source>
        <translation>Add &amp; Norm：均值 0，方差 1</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="260"/>
        <source>LayerNorm rescales each word’s vector v on its own. It takes the mean μ and the variance σ² of its %1 numbers, subtracts μ and divides by σ. For “%2”: μ = %3 and σ² = %4 before; mean %5 and variance %6 after.</source>
        <translation>LayerNorm 对每个词的向量 v 单独做缩放：先求它 %1 个数的均值 μ 和方差 σ²，再减去 μ、除以 σ。对“%2”来说，之前 μ = %3、σ² = %4；之后均值为 %5，方差为 %6。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="267"/>
        <source>Then every number is multiplied by a learned scale γ and shifted by a learned β. Here γ = 1 and β = 0, so y is the normalised row itself. Whatever the layer before did, the next one gets numbers of the same size.</source>
        <translation>然后每个数再乘以学到的缩放 γ、加上学到的平移 β。这里 γ = 1、β = 0，所以 y 就是归一化后的这一行。不管上一层算出了多大的数，下一层拿到的数都是同样的量级。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="270"/>
        <source>Then every number is multiplied by a learned scale γ and shifted by a learned β, so the model can choose another scale where it helps. Whatever the layer before did, the next one gets numbers of a known size.</source>
        <translation>然后每个数再乘以学到的缩放 γ、加上学到的平移 β，这样模型在需要时可以换一个尺度。不管上一层算出了多大的数，下一层拿到的数量级都是已知的。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="274"/>
        <source>In this pre-norm model the LayerNorm comes first: it normalises x before attention reads it, and the sum v of the previous step is left as it is.</source>
        <translation>在这个 pre-norm 模型里，LayerNorm 放在前面：它在注意力读取之前先把 x 归一化，而上一步的和 v 保持原样。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="288"/>
        <source>The feed-forward network: wider, then back</source>
        <translation>前馈网络：先变宽，再变回来</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="291"/>
        <source>Next, every word goes on its own through the same small network of two layers. “Position-wise” means that the words do not look at each other here: each row is done separately, with the same weights.</source>
        <translation>接下来，每个词各自通过同一个两层的小网络。“逐位置”的意思是：这里词与词之间互不相看，每一行单独计算，用的是同一套权重。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="294"/>
        <source>The first layer widens each vector. The paper goes from d_model = 512 to d_ff = 2048 = 4 × 512 numbers; this model goes from d_model = %1 to d_ff = %2 = %3 × %1. W₁, W₂ and their biases hold %4 numbers (the paper: %5).</source>
        <translation>第一层把每个向量变宽。论文里从 d_model = 512 变到 d_ff = 2048 = 4 × 512 个数；这个模型从 d_model = %1 变到 d_ff = %2 = %3 × %1。W₁、W₂ 和它们的偏置共有 %4 个数（论文：%5）。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="317"/>
        <source>%1 → %2 numbers</source>
        <translation>%1 → %2 个数</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="325"/>
        <source>ReLU: negative numbers become 0</source>
        <translation>ReLU：负数变成 0</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="326"/>
        <source>GELU: negative numbers are pressed towards 0</source>
        <translation>GELU：负数被压向 0</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="331"/>
        <source>The wide vector z goes through ReLU, max(0, z): every negative number becomes 0 and every positive one passes unchanged. For “%1”, %2 of its %3 numbers were negative and are now 0; over the %4 words, %5 of %6.</source>
        <translation>宽向量 z 经过 ReLU，即 max(0, z)：每个负数变成 0，每个正数原样通过。“%1”的 %3 个数里有 %2 个是负数，现在成了 0；%4 个词合起来，%6 个数里有 %5 个。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="337"/>
        <source>This model uses GELU instead of the paper’s ReLU: a negative number is not cut to 0 but pressed towards it. For “%1”, %2 of its %3 numbers were negative.</source>
        <translation>这个模型用 GELU 代替论文里的 ReLU：负数不是直接截成 0，而是被压向 0。“%1”的 %3 个数里有 %2 个是负数。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer.cpp" line="340"/>
        <source>Without this bend the two layers would be one matrix product, W₁·W₂, and could only compute linear functions.</source>
        <translation>如果没有这个拐弯，两层就等于一次矩阵乘法 W₁·W₂，只能算线性函数。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="19"/>
        <source>Back to d_model, Add &amp; Norm again</source>
        <translation>回到 d_model，再做一次 Add &amp; Norm</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="21"/>
        <source>The second layer of the FFN brings the %1 numbers back to %2. Like attention, the FFN only adds to the stream: its output is added to the vector that went into it.</source>
        <translation>前馈网络的第二层把 %1 个数变回 %2 个。和注意力一样，前馈网络也只是往残差流上加东西：它的输出加到输入它的那个向量上。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="25"/>
        <source>A second LayerNorm follows, and its result is the output of the whole layer: again mean 0 and variance 1 before γ and β.</source>
        <translation>接着是第二个 LayerNorm，它的结果就是整层的输出：乘 γ、加 β 之前，均值又是 0，方差又是 1。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="29"/>
        <source>This model is pre-norm: its second LayerNorm came before the FFN, so the sum itself is the layer’s output and is not normalised.</source>
        <translation>这个模型是 pre-norm：第二个 LayerNorm 放在前馈网络之前，所以这个和本身就是该层的输出，不再归一化。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="54"/>
        <source>Stacking N layers</source>
        <translation>堆叠 N 层</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="56"/>
        <source>A layer’s output has the shape of its input, one vector of %1 numbers per word, so layers can be stacked: the output x⁽¹⁾ of layer 1 is the input of layer 2, and so on. The paper stacks N = 6 encoder layers; this model has N = %2, each with its own weights.</source>
        <translation>一层的输出和输入形状相同，每个词一个 %1 个数的向量，所以层可以一层层叠起来：第 1 层的输出 x⁽¹⁾ 就是第 2 层的输入，依此类推。论文叠了 N = 6 个编码器层；这个模型有 N = %2 层，每层有自己的权重。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="60"/>
        <source>A layer’s output has the shape of its input, one vector of %1 numbers per word, so layers can be stacked: the output x⁽¹⁾ of layer 1 would be the input of layer 2, and so on. The paper stacks N = 6 encoder layers, each with its own weights; this model has a single one (N = %2).</source>
        <translation>一层的输出和输入形状相同，每个词一个 %1 个数的向量，所以层可以一层层叠起来：第 1 层的输出 x⁽¹⁾ 可以作为第 2 层的输入，依此类推。论文叠了 N = 6 个编码器层，每层有自己的权重；这个模型只有一层（N = %2）。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="64"/>
        <source>One layer of this shape holds %1 weights. The paper’s layer holds %2, and its six encoder layers %3.</source>
        <translation>这种形状的一层有 %1 个权重。论文里的一层有 %2 个，六个编码器层合计 %3 个。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="69"/>
        <source>After the last layer this model applies one more LayerNorm.</source>
        <translation>这个模型在最后一层之后还要再做一次 LayerNorm。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="89"/>
        <source>↓  layer %1</source>
        <translation>↓  第 %1 层</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="103"/>
        <source>Where the LayerNorm sits: post-norm or pre-norm</source>
        <translation>LayerNorm 放在哪里：post-norm 还是 pre-norm</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="112"/>
        <source>The paper, like this model, normalises after each residual sum (post-norm). Many later models normalise before each sublayer instead (pre-norm); the stream itself is then never normalised, and one LayerNorm after the last layer finishes the job.</source>
        <translation>论文和这个模型一样，在每次残差相加之后做归一化（post-norm）。后来的许多模型改为在每个子层之前归一化（pre-norm）；这样残差流本身从不归一化，最后一层之后再用一个 LayerNorm 收尾。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="116"/>
        <source>This model normalises before each sublayer (pre-norm), as many later models do; the stream itself is never normalised, and one LayerNorm after the last layer finishes the job. The paper normalises after each residual sum (post-norm).</source>
        <translation>这个模型和后来的许多模型一样，在每个子层之前归一化（pre-norm）；残差流本身从不归一化，最后一层之后再用一个 LayerNorm 收尾。论文则是在每次残差相加之后归一化（post-norm）。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="120"/>
        <source>Here the same weights and words run both ways, computed now. At the end of the stack (N = %1), “%2” has mean %3 and variance %4 in post-norm, but mean %5 and variance %6 in pre-norm: the stream keeps its own scale. Pre-norm usually trains more easily when there are many layers.</source>
        <translation>这里用同样的权重和同样的词把两种做法都当场算了一遍。在整个堆叠（N = %1）的末尾，“%2”在 post-norm 下均值为 %3、方差为 %4，在 pre-norm 下均值为 %5、方差为 %6：残差流保持着它自己的尺度。层数很多时，pre-norm 通常更容易训练。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="163"/>
        <source>Post-norm (the paper):</source>
        <translation>Post-norm（论文）：</translation>
    </message>
    <message>
        <location filename="../../core/lessons/encoder_layer_stack.cpp" line="165"/>
        <source>Pre-norm:</source>
        <translation>Pre-norm：</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="100"/>
        <source>An RNN reads one word at a time</source>
        <translation>RNN 一次读一个词</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="86"/>
        <source>the lesson’s sentence: “%1”</source>
        <translation>本课自带的句子：“%1”</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="101"/>
        <source>Before the Transformer, translation models read a sentence as we read aloud: one word after the other. A recurrent network (RNN) keeps a state h of %1 numbers and updates it with every word, so h₁ has seen “%2”, h₂ the first two words, and h%3 the whole sentence.</source>
        <translation>在 Transformer 之前，翻译模型像我们朗读一样读句子：一个词接一个词。循环神经网络（RNN）保存一个由 %1 个数组成的状态 h，每读一个词就更新一次：h₁ 看过“%2”，h₂ 看过前两个词，h%3 看过整句话。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="105"/>
        <source>Each state needs the one before it, so the %1 steps must run one after another: they cannot be computed at the same time. This tiny RNN has seeded random weights; it shows the shape of the computation, not a trained model.</source>
        <translation>每个状态都要用到前一个状态，所以这 %1 步只能一步接一步地算，不能同时进行。这个小 RNN 的权重是按种子生成的随机数，它只用来展示计算的样子，并不是训练好的模型。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="144"/>
        <source>One step of the RNN</source>
        <translation>RNN 的一步</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="145"/>
        <source>To read “%1” the RNN mixes what it remembers, W_h·h₁, with the new word, W_x·x₂ (x₂ is the model’s %2-number vector for “%1”), adds b, and squashes every number into (−1, 1) with tanh. Only h₂ is passed on.</source>
        <translation>读“%1”时，RNN 把它记住的内容 W_h·h₁ 和新词 W_x·x₂（x₂ 是模型里“%1”的 %2 维向量）相加，再加上 b，然后用 tanh 把每个数压到 (−1, 1) 之间。往下传的只有 h₂。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="189"/>
        <source>Path length: n − t steps against 1</source>
        <translation>路径长度：n − t 步对 1 步</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="191"/>
        <source>For the last word to use the first one, the RNN must carry it through the state from step to step: from “%2” to “%3” the path has length %1, and in general n − t. Attention joins any two words in one step: “%3” reads every word directly, with the shares drawn on the stage (the Transformer’s layer 1, head 1).</source>
        <translation>最后一个词要用到第一个词，RNN 得把它放在状态里一步一步往后带：从“%2”到“%3”，路径长 %1，一般是 n − t。注意力一步就连起任意两个词：“%3”直接读取每个词，所占份额画在舞台上（Transformer 第 1 层、第 1 个头）。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="201"/>
        <source>Attention</source>
        <translation>注意力</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="253"/>
        <source>By the chain rule, ∂h_n/∂h_t is a product of one factor per step, J_s = ∂h_s/∂h_(s−1) = diag(1 − h_s ⊙ h_s)·W_h (⊙: number by number). tanh’s slope 1 − h² is at most 1 and W_h scales the length of a vector by at most %1, so no factor is larger than %1 and the product shrinks about geometrically: ‖∂h_n/∂h_t‖ ≤ ‖J_n‖ ⋯ ‖J_(t+1)‖.</source>
        <translation>按链式法则，∂h_n/∂h_t 是每一步一个因子的连乘，J_s = ∂h_s/∂h_(s−1) = diag(1 − h_s ⊙ h_s)·W_h（⊙：逐个数相乘）。tanh 的斜率 1 − h² 至多为 1，W_h 把向量的长度至多缩放为 %1 倍，所以没有哪个因子大于 %1，连乘大致按几何级数变小：‖∂h_n/∂h_t‖ ≤ ‖J_n‖ ⋯ ‖J_(t+1)‖。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="258"/>
        <source>Each column is one word t. The last word, “%1”, has no column: from h_n to itself there is no step, no factor, and ∂h_n/∂h_n is the identity, of norm 1.</source>
        <translation>每一列是一个词 t。最后一个词“%1”没有列：从 h_n 到它自己没有一步，也就没有因子，∂h_n/∂h_n 是单位矩阵，范数为 1。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="213"/>
        <source>steps from each word to “%1”</source>
        <translation>从每个词到“%1”的步数</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="110"/>
        <source>With fewer than %1 words there are no long paths to show, so this lesson reads its own sentence of %2 words (named on the stage) on the seeded demo model. Type %1 words or more in the bar at the bottom to use yours.</source>
        <translation>不到 %1 个词的句子里没有长路径可看，所以本课改用带种子的演示模型，读它自带的 %2 个词的句子（句子写在舞台上）。在底部的输入栏里输入 %1 个词以上，就能换成你自己的句子。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="219"/>
        <source>The gradient fades with distance</source>
        <translation>梯度随距离衰减</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="220"/>
        <source>How much does the last state h%1 still depend on an earlier state h_t? The size of the derivative ‖∂h%1/∂h_t‖ says it; in training it is also how much of the error signal gets back to word t. It is %2 for the last word itself and %3 for “%4”, at distance %5.</source>
        <translation>最后的状态 h%1 还在多大程度上依赖较早的状态 h_t？导数的大小 ‖∂h%1/∂h_t‖ 给出答案；训练时，它也决定了误差信号能有多少传回到第 t 个词。对最后一个词自己它是 %2，对距离为 %5 的“%4”只有 %3。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="225"/>
        <source>Early words fade from the gradient, so an RNN learns long-range links slowly. In attention every word is one step from every other, whatever the distance.</source>
        <translation>靠前的词在梯度里渐渐消失，所以 RNN 学远距离的联系很慢。在注意力里，无论相隔多远，任意两个词之间都只有一步。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/why_attention.cpp" line="252"/>
        <source>Why it fades: a product of Jacobians</source>
        <translation>为什么会衰减：雅可比矩阵的连乘</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_lesson.cpp" line="105"/>
        <source>Attention alone does not see word order</source>
        <translation>单靠注意力看不出词序</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_lesson.cpp" line="118"/>
        <source>So the right map holds the left map’s numbers, only with rows and columns reordered: put back in order, they differ by at most %1 over all %2 heads. Every word’s output is the same too, just at its new place.</source>
        <translation>所以右图里的数就是左图的数，只是行和列换了顺序：排回原来的顺序后，%2 个头里最大的差别只有 %1。每个词的输出也一样，只是挪到了新的位置。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_lesson.cpp" line="128"/>
        <source>With this model’s positional encoding on, the same shuffle changes the shares by up to %1.</source>
        <translation>打开这个模型的位置编码后，同样的打乱会让份额最多变化 %1。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_lesson.cpp" line="138"/>
        <source>attention weights, layer 1, head 1, no positional encoding</source>
        <translation>注意力权重，第 1 层第 1 个头，没有位置编码</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_lesson.cpp" line="139"/>
        <source>in order</source>
        <translation>原顺序</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_lesson.cpp" line="149"/>
        <source>The fix: add to each word a vector PE that depends only on its position p. Its %1 numbers come in pairs, a sine and a cosine of p·ω_i, each pair with its own frequency ω_i = 1/10000^(2i/%1).</source>
        <translation>解决办法：给每个词加一个只由位置 p 决定的向量 PE。它的 %1 个数两两一对，是 p·ω_i 的正弦和余弦，每一对有自己的频率 ω_i = 1/10000^(2i/%1)。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_lesson.cpp" line="155"/>
        <source>Each row on the stage is one number of PE along the words 1 … %1. Numbers 1 and 2 repeat every %2 words, the last two only every %3: together they give every position its own pattern.</source>
        <translation>舞台上每一行是 PE 的一个数在第 1 … %1 个词上的取值。第 1、2 个数每隔 %2 个词重复一次，最后两个要隔 %3 个词才重复：合起来，每个位置都有自己独有的图案。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_lesson.cpp" line="187"/>
        <source>columns: words 1 … %1 (p = 0 … %2);  rows: numbers of PE</source>
        <translation>列：第 1 … %1 个词（p = 0 … %2）；行：PE 的各个数</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_lesson.cpp" line="204"/>
        <source>“%1” is word %2, so in the formula p = %3. Its embedding (its row of the learned table, times √d_model = %4) gets PE(p = %3) added, number by number. The same word elsewhere would get another PE, so from here on every vector carries its place.</source>
        <translation>“%1”是第 %2 个词，所以公式里 p = %3。它的词向量（学到的词表里它那一行，乘以 √d_model = %4）逐个数加上 PE(p = %3)。同一个词站在别处，加上的 PE 就不同，所以从这里起，每个向量都带着自己的位置。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_lesson.cpp" line="209"/>
        <source>“%1” is word %2, so in the formula p = %3. Its embedding gets PE(p = %3) added, number by number. The same word elsewhere would get another PE, so from here on every vector carries its place.</source>
        <translation>“%1”是第 %2 个词，所以公式里 p = %3。它的词向量逐个数加上 PE(p = %3)。同一个词站在别处，加上的 PE 就不同，所以从这里起，每个向量都带着自己的位置。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_lesson.cpp" line="114"/>
        <source>Switch the positional encoding off and run the model twice: on “%1” and on the same words shuffled, “%2”. A word gets the same vector wherever it stands, so it makes the same query, key and value.</source>
        <translation>把位置编码关掉，让模型跑两遍：一遍是“%1”，一遍是把同样的词打乱后的“%2”。一个词不管站在哪里，向量都一样，所以它的查询、键和值也都一样。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_lesson.cpp" line="140"/>
        <source>shuffled</source>
        <translation>打乱后</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_lesson.cpp" line="146"/>
        <source>Sines and cosines of the position</source>
        <translation>位置的正弦和余弦</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_lesson.cpp" line="152"/>
        <source>The formula counts from 0, the stage from 1: word t has p = t − 1, and number j of PE is index j − 1, so number 1 (2i = 0) is a sine, number 2 (2i + 1 = 1) a cosine.</source>
        <translation>公式从 0 数起，舞台从 1 数起：第 t 个词的 p = t − 1，PE 的第 j 个数下标是 j − 1，所以第 1 个数（2i = 0）是正弦，第 2 个数（2i + 1 = 1）是余弦。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_lesson.cpp" line="200"/>
        <source>PE is added to the embedding</source>
        <translation>把 PE 加到词向量上</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_lesson.cpp" line="212"/>
        <source>Adding, not appending: the vector keeps its %1 numbers, and the model learns to read word and place from the same sum.</source>
        <translation>是相加，不是拼接：向量仍然是 %1 个数，模型要学会从同一个总和里同时读出词和位置。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_relative.cpp" line="49"/>
        <source>Moving k places is a rotation</source>
        <translation>往后挪 k 位就是一次旋转</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_relative.cpp" line="63"/>
        <source>Why sines and cosines? Going k places further turns each (sin, cos) pair by the angle k·ω_i, and that turn does not depend on p. So PE(p + k) = M_k × PE(p) for every p, where M_k has 2 × 2 rotation blocks on its diagonal and zeros everywhere else.</source>
        <translation>为什么用正弦和余弦？往后走 k 位，就是把每一对 (sin, cos) 转过角度 k·ω_i，而这个转动与 p 无关。所以对每个 p 都有 PE(p + k) = M_k × PE(p)，M_k 的对角线上是 2 × 2 的旋转块，其余处处为 0。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_relative.cpp" line="67"/>
        <source>Here p = %1 (“%2”, word %7) and k = %3; the first %4 numbers are shown. Over all %5 numbers, M_k × PE(p) and PE(p + k) differ by at most %6. One fixed linear map thus means “%3 words further” wherever a word stands, which a layer can learn.</source>
        <translation>这里 p = %1（“%2”，第 %7 个词），k = %3；只画出前 %4 个数。在全部 %5 个数上，M_k × PE(p) 与 PE(p + k) 至多相差 %6。于是不论词站在哪里，“再往后 %3 个词”都是同一个固定的线性变换，网络的一层学得会。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_relative.cpp" line="101"/>
        <source>p counts from 0: PE(%1) belongs to word %2, “%3”, and PE(%4) to word %5</source>
        <translation>p 从 0 开始数：PE(%1) 属于第 %2 个词“%3”，PE(%4) 属于第 %5 个词</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_relative.cpp" line="111"/>
        <source>Learned or sinusoidal?</source>
        <translation>学出来的，还是正弦的？</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_relative.cpp" line="113"/>
        <source>A model can also learn its position vectors, like word embeddings: a table of max_len × d_model numbers (%1 × %2 = %3 for this model). The paper tried both and found almost the same quality. It kept the sinusoids: they cost no training and give a vector for any position, also past the longest training sentence, where a learned table has no row.</source>
        <translation>模型也可以像学词向量那样学位置向量：一张 max_len × d_model 的表（这个模型是 %1 × %2 = %3 个数）。论文两种都试过，效果几乎一样。它最后用了正弦：不需要训练，而且任何位置都有向量，哪怕比训练时最长的句子还长；学出来的表在那里根本没有这一行。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_relative.cpp" line="119"/>
        <source>With sinusoids, PE(p)·PE(p + k) depends only on the distance k, not on p: the two rows on the stage are equal. This model learned its own table instead.</source>
        <translation>用正弦时，PE(p)·PE(p + k) 只看距离 k，与 p 无关：舞台上的两行完全相同。这个模型则自己学了一张表。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_relative.cpp" line="122"/>
        <source>With sinusoids, PE(p)·PE(p + k) depends only on the distance k, not on p: the two rows on the stage are equal. This model uses the sinusoids.</source>
        <translation>用正弦时，PE(p)·PE(p + k) 只看距离 k，与 p 无关：舞台上的两行完全相同。这个模型用的正是正弦。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/positional_relative.cpp" line="146"/>
        <source>p counts from 0: p = 0 is word 1, p = 5 is word 6</source>
        <translation>p 从 0 开始数：p = 0 是第 1 个词，p = 5 是第 6 个词</translation>
    </message>
    <message>
        <location filename="../../core/lessons/registry.cpp" line="24"/>
        <source>The decoder: masks and cross-attention</source>
        <translation>解码器：掩码与交叉注意力</translation>
    </message>
    <message>
        <location filename="../../core/lessons/registry.cpp" line="25"/>
        <source>The output: logits, softmax and decoding</source>
        <translation>输出：logits、softmax 与解码</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_cross.cpp" line="18"/>
        <source>The padding mask: &lt;pad&gt; is never read</source>
        <translation>填充掩码：&lt;pad&gt; 永远不被读取</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_cross.cpp" line="19"/>
        <source>Training runs many sentences at once, so shorter ones are filled up with &lt;pad&gt; tokens to one length. A second mask hides them: here the source gets %1 &lt;pad&gt; tokens, and the mask row M has −∞ in their columns. Their scores become −∞ in the encoder and in cross-attention, so row %2 (%3) gives them shares of exactly 0.</source>
        <translation>训练时一次处理很多句子，短句要用 &lt;pad&gt; 补齐到同一长度。另一个掩码把这些补位藏起来：这里给原句补上 %1 个 &lt;pad&gt;，掩码行 M 在它们的列上是 −∞。它们的分数在编码器和交叉注意力里都变成 −∞，所以第 %2 行（%3）分给它们的份额正好是 0。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_cross.cpp" line="24"/>
        <source>So the padding changes nothing: the largest difference of any logit between the padded run and the first one is %1.</source>
        <translation>所以补位什么也没改变：补位后再算一遍，和原来相比，所有 logit 的最大差是 %1。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_cross.cpp" line="68"/>
        <source>Cross-attention: Q from the decoder, K and V from the encoder</source>
        <translation>交叉注意力：Q 来自解码器，K 和 V 来自编码器</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_cross.cpp" line="70"/>
        <source>Between its self-attention and its FFN, every decoder layer attends to the source. The queries come from the decoder’s rows; the keys and values come from the encoder’s output H, one row per English word. So the shares of row i say which English words the row that writes the next Chinese character reads.</source>
        <translation>每个解码器层在自注意力和前馈网络之间，还要去看原句。查询来自解码器的各行；键和值来自编码器的输出 H，每个英文词一行。因此第 i 行的份额说明：正要写下一个汉字的这一行，在读哪些英文词。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_cross.cpp" line="74"/>
        <source>Shown: layer %1, head %2, the head whose rows are most decided (the largest mean of each row’s top share). Q has %3 rows and K has %4, so the weights are %3 × %4.</source>
        <translation>这里显示第 %1 层第 %2 个头，它是各行最“拿定主意”的头（每行最大份额的平均值最大）。Q 有 %3 行，K 有 %4 行，所以权重是 %3 × %4。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_cross.cpp" line="103"/>
        <source>Which English word each Chinese token reads</source>
        <translation>对齐：每个中文字读哪个英文词</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_cross.cpp" line="111"/>
        <source>The cross-attention shares of layer %1, averaged over its %2 heads. Each row is labelled by what it reads → what it writes, and its largest share is framed: the English word it mostly reads while writing: %3.</source>
        <translation>第 %1 层交叉注意力的份额，对 %2 个头取平均。每行的标签是“读入 → 写出”，每行最大的份额加了框，也就是写这个字时主要在读的英文词：%3。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_cross.cpp" line="115"/>
        <source>Nobody told the model which words belong together; it learned these links from sentence pairs alone. Word order differs, too: Chinese puts the place before the verb.</source>
        <translation>没有人告诉模型哪些词互相对应；这些联系是它只从句对中学出来的。两种语言的词序也不同：中文把地点放在动词前面。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_lesson.cpp" line="61"/>
        <source>The decoder reads its translation so far</source>
        <translation>解码器：读入已写出的译文</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_lesson.cpp" line="63"/>
        <source>This lesson runs the trained en→zh model on a sentence it never saw in training, “%1”, which it translates as “%2”. (Type an English sentence of its grammar below to see your own.)</source>
        <translation>本课用训练好的英→中模型来翻译一个它在训练中从未见过的句子“%1”，译文是“%2”。（在下方输入符合它语法的英文句子，就能看到你自己的句子。）</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_lesson.cpp" line="67"/>
        <source>The trained en→zh model translates “%1” as “%2”.</source>
        <translation>训练好的英→中模型把“%1”译成“%2”。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_lesson.cpp" line="69"/>
        <source>The decoder’s input is &lt;bos&gt; (“begin”) followed by the translation so far. Row i reads input token i and predicts the next token: row 1 reads &lt;bos&gt; and writes “%1”; row %2 reads “%3” and writes %4, the end. The bars are the probability the model gave each written token.</source>
        <translation>解码器的输入是 &lt;bos&gt;（“开始”）加上目前已写出的译文。第 i 行读入第 i 个输入词元，预测下一个词元：第 1 行读 &lt;bos&gt;，写出“%1”；第 %2 行读“%3”，写出 %4，即结束。柱子表示模型给每个写出词元的概率。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_lesson.cpp" line="74"/>
        <source>In training the input is the reference translation shifted right by one, and all %1 rows are computed at once. Labels such as “%2” below name a row by what it reads → what it writes.</source>
        <translation>训练时，输入是参考译文整体右移一位，%1 行同时计算。下面像“%2”这样的标签，用“读入 → 写出”来称呼一行。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_lesson.cpp" line="80"/>
        <source>reads</source>
        <translation>读入</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_lesson.cpp" line="81"/>
        <source>writes</source>
        <translation>写出</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_lesson.cpp" line="111"/>
        <source>The causal mask: −∞ before the softmax, 0 after</source>
        <translation>因果掩码：softmax 之前是 −∞，之后是 0</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_lesson.cpp" line="114"/>
        <source>The decoder’s self-attention (layer 1, head 1) lets row i read inputs 1 … i only. Before the softmax the mask sets the score of every later input to −∞ (%1 of all %2 cells); e^(−∞) = 0, so those shares are exactly 0 and each row’s shares still add up to 1.</source>
        <translation>解码器的自注意力（第 1 层第 1 个头）只让第 i 行读第 1 … i 个输入。在 softmax 之前，掩码把所有后面输入的分数设为 −∞（全部 %2 个格子中的 %1 个）；e^(−∞) = 0，所以这些份额正好是 0，每行的份额加起来仍然是 1。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_lesson.cpp" line="118"/>
        <source>Row 1 sees only &lt;bos&gt;, so its one share is 1.00. The last row sees every input.</source>
        <translation>第 1 行只看得到 &lt;bos&gt;，所以它唯一的份额是 1.00。最后一行能看到全部输入。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_lesson.cpp" line="156"/>
        <source>Why: a row must not read the future</source>
        <translation>为什么：一行不能偷看未来</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_lesson.cpp" line="157"/>
        <source>In training, row i must predict input i + 1 while all rows run at once. If it could read input i + 1 it would copy the answer and learn nothing; when translating, that input does not exist yet.</source>
        <translation>训练时所有行同时计算，第 i 行要预测第 i + 1 个输入。如果它能读到第 i + 1 个输入，就会直接抄答案，什么也学不到；而真正翻译时，这个输入还不存在。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/decoder_lesson.cpp" line="160"/>
        <source>The mask makes sure of it. Here input %1 is changed from “%2” to “%3” and the model runs again: the largest change of any logit is exactly 0 in rows 1 … %4, which cannot see input %1, and up to %5 from row %1 on.</source>
        <translation>掩码保证了这一点。这里把第 %1 个输入从“%2”换成“%3”，再让模型算一遍：第 1 … %4 行看不到第 %1 个输入，它们的 logit 最大变化正好是 0；从第 %1 行起，变化最大达到 %5。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_beam.cpp" line="44"/>
        <source>Beam search: three hypotheses at a time</source>
        <translation>束搜索：同时保留三个假设</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_beam.cpp" line="45"/>
        <source>Beam search keeps the %1 best partial translations. At each step it extends every one of them by every token, scores each extension by the sum of the log-probabilities of its tokens, and keeps the %1 best. A hypothesis that writes &lt;eos&gt; is finished and leaves the beam, which then keeps fewer.</source>
        <translation>束搜索保留 %1 个最好的部分译文。每一步把它们分别接上每一个词元，用各词元对数概率之和给每个延伸打分，再留下最好的 %1 个。写出 &lt;eos&gt; 的假设就完成了，离开束，束里保留的假设随之减少。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_beam.cpp" line="49"/>
        <source>Each node shows its token and its score; the line leads to the hypothesis it extends. Framed: the path of the best finished hypothesis. Log-probabilities are at most 0, so every token lowers the score.</source>
        <translation>每个节点显示它的词元和得分；连线指向它所延伸的那个假设。加框的是最好的完成假设所走的路径。对数概率不超过 0，所以每多一个词元，得分就降低一些。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_beam.cpp" line="129"/>
        <source>The finished hypotheses, best first</source>
        <translation>完成的假设，最好的在前</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_beam.cpp" line="130"/>
        <source>When no hypothesis is left in the beam, the finished ones are ranked by their scores. The best is “%1”, score %2 (a probability of e^(%2) = %3 for the whole sentence).</source>
        <translation>束里没有假设剩下时，就按得分给完成的假设排序。最好的是“%1”，得分 %2（整句的概率为 e^(%2) = %3）。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_beam.cpp" line="121"/>
        <source>Here beam search agrees with greedy decoding: this model is sure of its translation. On harder inputs the two can differ, and beam search then finds the sentence with the higher total score.</source>
        <translation>这里束搜索和贪心解码的结果一样：这个模型对自己的译文很有把握。遇到更难的输入，两者可能不同，这时束搜索会找到总分更高的句子。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_beam.cpp" line="156"/>
        <source>hypothesis</source>
        <translation>假设</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_beam.cpp" line="157"/>
        <source>score</source>
        <translation>得分</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_lesson.cpp" line="43"/>
        <source>The last linear layer: one score per token</source>
        <translation>最后的线性层：每个词元一个分数</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_lesson.cpp" line="45"/>
        <source>After the last decoder layer, each row is a vector y of %1 numbers. One linear layer, W of %2 × %1 plus a bias b, turns it into %2 scores, the logits: one for every token the model knows.</source>
        <translation>经过最后一个解码器层后，每行是一个有 %1 个数的向量 y。一个线性层（%2 × %1 的 W 加上偏置 b）把它变成 %2 个分数，即 logits：模型认识的每个词元各一个。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_lesson.cpp" line="48"/>
        <source>Shown: row %1 (%2), the row least sure of its token. Its %3 largest logits, largest first; “%4” wins with %5.</source>
        <translation>这里显示第 %1 行（%2），它是对自己的词元最没把握的一行。下面是它最大的 %3 个 logit，从大到小；“%4”以 %5 胜出。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_lesson.cpp" line="62"/>
        <source>%1 logits in all</source>
        <translation>共 %1 个 logit</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_lesson.cpp" line="70"/>
        <source>Softmax: probabilities, the top five as bars</source>
        <translation>Softmax：概率，前五名画成柱子</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_lesson.cpp" line="81"/>
        <source>Softmax turns the logits into probabilities that add up to 1: p_v = e^(z_v) / Σ_u e^(z_u). A logit larger by 1 means a probability e ≈ 2.72 times larger.</source>
        <translation>Softmax 把 logits 变成加起来为 1 的概率：p_v = e^(z_v) / Σ_u e^(z_u)。logit 大 1，概率就大 e ≈ 2.72 倍。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_lesson.cpp" line="84"/>
        <source>Row %1 gives “%2” %3 and “%4” %5; the %6 other tokens share the remaining %7.</source>
        <translation>第 %1 行给“%2”%3，给“%4”%5；其余 %6 个词元分享剩下的 %7。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_lesson.cpp" line="106"/>
        <source>the rest</source>
        <translation>其余</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_lesson.cpp" line="119"/>
        <source>Greedy decoding: the likeliest token, one at a time</source>
        <translation>贪心解码：每次取最可能的词元</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_lesson.cpp" line="124"/>
        <source>Below each chosen token, the runner-up. Greedy never goes back: where the runner-up was close (step %1), a different choice might have led to a better sentence. Beam search keeps a few choices open.</source>
        <translation>每个选中的词元下面是第二名。贪心解码从不回头：在第二名很接近的地方（第 %1 步），换一个选择也许会得到更好的句子。束搜索会同时保留几种选择。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_lesson.cpp" line="140"/>
        <source>chosen</source>
        <translation>选中</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_lesson.cpp" line="142"/>
        <source>runner-up</source>
        <translation>第二名</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="184"/>
        <source>⋮  %1 more words, added up:</source>
        <translation>⋮  其余 %1 个词，加在一起：</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_beam.cpp" line="54"/>
        <source>At token %1 the beam really splits: “%2” scores %3 and “%4” %5, close enough that beam search keeps both and follows each of them.</source>
        <translation>到第 %1 个词元，束真正分了叉：“%2”得分 %3，“%4”得分 %5，两者足够接近，束搜索把它们都留下，分别往下走。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_beam.cpp" line="111"/>
        <source>Greedy decoding wrote “%1” instead, score %2: at token %3 it took the likelier token, and what followed scored lower in total. Beam search kept the other choice open and found the better sentence.</source>
        <translation>贪心解码写出的却是“%1”，得分 %2：在第 %3 个词元处它选了当时更可能的那个，后面的部分总分却更低。束搜索把另一个选择也留着，找到了更好的句子。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_beam.cpp" line="117"/>
        <source>Beam search agrees with greedy decoding here, but the runner-up “%1” stayed in the race to the end: score %2, a probability of %3 against %4 for the best.</source>
        <translation>这里束搜索与贪心解码的结果相同，但第二名“%1”一直留到了最后：得分 %2，概率 %3，而最好的句子是 %4。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_lesson.cpp" line="89"/>
        <source>So the model is torn here: “%1” is likelier, but “%2” is a real option. Whichever token is written now, every later row reads it, so this one choice can change the rest of the sentence.</source>
        <translation>所以模型在这里拿不定主意：“%1”更可能，但“%2”也是真正的候选。这一步写下哪个词元，后面每一行都会读到它，所以这一个选择可能改变整句话的其余部分。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/output_lesson.cpp" line="120"/>
        <source>To translate, the decoder starts from &lt;bos&gt; alone, takes the likeliest token, appends it to its input and runs again, until it writes &lt;eos&gt;. Here that takes %1 steps and gives “%2”. (In the formulas, x is the English sentence the encoder read.)</source>
        <translation>翻译时，解码器只从 &lt;bos&gt; 开始，取最可能的词元，把它接到输入后面再算一遍，直到写出 &lt;eos&gt;。这里一共 %1 步，得到“%2”。（公式里的 x 是编码器读入的英文句子。）</translation>
    </message>
</context>
<context>
    <name>alab::ui::LessonActions</name>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="56"/>
        <source>First step</source>
        <translation>第一步</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="57"/>
        <source>Previous step</source>
        <translation>上一步</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="58"/>
        <source>Pause</source>
        <translation>暂停</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="58"/>
        <source>Play</source>
        <translation>播放</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="59"/>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="60"/>
        <source>Last step</source>
        <translation>最后一步</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="61"/>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="62"/>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_actions.cpp" line="63"/>
        <source>Actual size</source>
        <translation>原始大小</translation>
    </message>
</context>
<context>
    <name>alab::ui::LessonController</name>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="69"/>
        <source>This input cannot be shown in the lesson: %1</source>
        <translation>这个输入无法在课程中展示：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="119"/>
        <source>Type a sentence of %1 to %2 words first.</source>
        <translation>请先输入一个 %1 到 %2 个词的句子。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="128"/>
        <source>The demo model does not know %1. Try everyday English words such as “the cat sat on the mat”, or common Chinese characters.</source>
        <translation>演示模型不认识 %1。请试试常见的英文单词，比如“the cat sat on the mat”，或常用汉字。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="131"/>
        <source>“%1” is a single word: attention needs at least %2 words to compare.</source>
        <translation>“%1”只有一个词：注意力至少需要 %2 个词才能相互比较。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="121"/>
        <source>That sentence has %1 words; the lesson shows at most %2.</source>
        <translation>这个句子有 %1 个词，课程最多展示 %2 个。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="125"/>
        <source>The trained en→zh model does not know %1. It reads simple English sentences from its training grammar, such as “my mother will eat the rice in the park tomorrow .”</source>
        <translation>训练好的英→中模型不认识 %1。它读得懂训练语法里的简单英文句子，比如“my mother will eat the rice in the park tomorrow .”</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="61"/>
        <source>This input has %1 tokens, too many to show in a lesson; the analysis views show it.</source>
        <translation>这次输入有 %1 个词元，课程里放不下；请到分析视图中查看。</translation>
    </message>
</context>
<context>
    <name>alab::ui::LessonMenu</name>
    <message>
        <location filename="../../ui/lesson/lesson_menu.cpp" line="34"/>
        <source>Less&amp;ons</source>
        <translation>课程列表(&amp;O)</translation>
    </message>
</context>
<context>
    <name>alab::ui::LessonStage</name>
    <message>
        <location filename="../../ui/lesson/lesson_stage.cpp" line="297"/>
        <source>%1%2 = %3 (indices from 0, as in PyTorch)</source>
        <translation>%1%2 = %3（下标从 0 开始，与 PyTorch 相同）</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_stage.cpp" line="299"/>
        <source>computed on the way: %1</source>
        <translation>中间结果：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_stage.cpp" line="385"/>
        <source>Lesson stage</source>
        <translation>课程舞台</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_stage.cpp" line="386"/>
        <source>The numbers of the current step; hover a number, or press Tab or the Down arrow, to hear where it comes from.</source>
        <translation>当前这一步的数字；把鼠标移到数字上，或按 Tab 键或下方向键，可以知道它从哪里来。</translation>
    </message>
</context>
<context>
    <name>alab::ui::LessonView</name>
    <message>
        <location filename="../../ui/lesson/lesson_view.cpp" line="125"/>
        <source>%1 / %2  ·  %3</source>
        <translation>%1 / %2  ·  %3</translation>
    </message>
</context>
<context>
    <name>alab::ui::MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="186"/>
        <source>AttentionLab — self-attention, step by step</source>
        <translation>AttentionLab — 一步一步看懂自注意力</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="187"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="188"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="189"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="190"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="191"/>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="192"/>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="198"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="199"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="200"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="201"/>
        <source>&amp;About AttentionLab</source>
        <translation>关于 AttentionLab(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="202"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="204"/>
        <source>Computing</source>
        <translation>正在计算</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="215"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="216"/>
        <source>&lt;table cellpadding=4&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;play / pause&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;→ / Page Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;next step&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;← / Page Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;previous step&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Home / End&lt;/b&gt;&lt;/td&gt;&lt;td&gt;first / last step&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;full screen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;presentation mode (Esc leaves)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl + / Ctrl − / Ctrl 0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;larger / smaller / normal size&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;A presentation clicker sends Page Down and Page Up, so it works too.&lt;/p&gt;</source>
        <translation>&lt;table cellpadding=4&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;空格&lt;/b&gt;&lt;/td&gt;&lt;td&gt;播放 / 暂停&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;→ / Page Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;下一步&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;← / Page Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;上一步&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Home / End&lt;/b&gt;&lt;/td&gt;&lt;td&gt;第一步 / 最后一步&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;全屏&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;演示模式（按 Esc 退出）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl + / Ctrl − / Ctrl 0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;放大 / 缩小 / 原始大小&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;翻页笔发送的正是 Page Down 和 Page Up，所以也可以直接用。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="238"/>
        <source>About AttentionLab</source>
        <translation>关于 AttentionLab</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="239"/>
        <source>&lt;p&gt;&lt;b&gt;AttentionLab&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Teaches and inspects the Transformer: every number on screen comes from a small Transformer computed on this computer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;AttentionLab&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;用来讲解和检查 Transformer：屏幕上的每个数字都来自在这台电脑上运行的一个小型 Transformer。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="193"/>
        <source>&amp;Threads…</source>
        <translation>线程数(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="230"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="231"/>
        <source>Compute on how many threads? This computer has %1 cores.</source>
        <translation>用多少个线程计算？这台电脑有 %1 个核心。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="194"/>
        <source>&amp;Capture</source>
        <translation>捕获方式(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="195"/>
        <source>&amp;Automatic (by the memory a full trace needs)</source>
        <translation>自动（按完整记录所需的内存）(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="196"/>
        <source>&amp;Full: keep every attention map</source>
        <translation>完整：保留每张注意力图(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="197"/>
        <source>&amp;Lean: recompute attention maps when shown</source>
        <translation>精简：显示时重新计算注意力图(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="250"/>
        <source>Forced in View → Capture (or by ALAB_CAPTURE for this session).</source>
        <translation>已在“视图 → 捕获方式”中指定（或由本次运行的 ALAB_CAPTURE 指定）。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="252"/>
        <source>Capture: lean (forced)</source>
        <translation>捕获：精简（指定）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="252"/>
        <source>Capture: lean, automatic (a long input)</source>
        <translation>捕获：精简，自动选择（输入较长）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="253"/>
        <source>Only the per-token tensors are kept (a full trace of this input would need about %1); each attention map is computed again, with the same numbers, when a view or an export needs it.</source>
        <translation>只保留每个词元的张量（这段输入的完整记录约需 %1）；视图或导出用到某张注意力图时再重新计算，数值完全相同。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="259"/>
        <source>Capture: full (forced)</source>
        <translation>捕获：完整（指定）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="259"/>
        <source>Capture: full, automatic</source>
        <translation>捕获：完整，自动选择</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="260"/>
        <source>Every attention map of this input is kept in memory (about %1).</source>
        <translation>这段输入的每张注意力图都保存在内存中（约 %1）。</translation>
    </message>
</context>
<context>
    <name>alab::ui::SentenceBar</name>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="112"/>
        <source>Your &amp;sentence:</source>
        <translation>你的句子(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="66"/>
        <source>2 to 12 words, e.g. the cat sat on the mat</source>
        <translation>2 到 12 个词，例如 the cat sat on the mat</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="129"/>
        <source>Your sentence</source>
        <translation>你的句子</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="130"/>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="131"/>
        <source>Seed of the demo model&apos;s weights</source>
        <translation>演示模型权重的随机种子</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="132"/>
        <source>Another seed gives the demo model other random weights</source>
        <translation>换一个种子，演示模型就会得到另一组随机权重</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="133"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="134"/>
        <source>Run the lesson on your sentence</source>
        <translation>用你的句子运行课程</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="135"/>
        <source>&amp;Thinking Machines</source>
        <translation>Thinking Machines(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="136"/>
        <source>Back to the worked example</source>
        <translation>回到课程的示例</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="67"/>
        <source>2 to 12 English words, e.g. my mother will eat the rice in the park tomorrow .</source>
        <translation>2 到 12 个英文单词，例如 my mother will eat the rice in the park tomorrow .</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="125"/>
        <source>trained en→zh model</source>
        <translation>训练好的英→中模型</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="126"/>
        <source>random weights (untrained)</source>
        <translation>随机权重（未经训练）</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="127"/>
        <source>Model for your sentence</source>
        <translation>运行你的句子的模型</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="128"/>
        <source>The trained model translates English into Chinese; the demo model&apos;s weights are random numbers</source>
        <translation>训练好的模型把英文译成中文；演示模型的权重是随机数</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="112"/>
        <source>The lesson’s example &amp;sentence:</source>
        <translation>本课的示例句子(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="113"/>
        <source>This lesson shows its own example sentence. Type yours and press Enter to see the lesson on it.</source>
        <translation>本课用的是它自己的示例句子。输入你的句子并按回车，就能看到本课讲你的句子。</translation>
    </message>
</context>
<context>
    <name>alab::ui::StepList</name>
    <message>
        <location filename="../../ui/lesson/step_list.cpp" line="81"/>
        <source>Lesson steps</source>
        <translation>课程步骤</translation>
    </message>
</context>
<context>
    <name>alab::ui::TransportBar</name>
    <message>
        <location filename="../../ui/lesson/transport_bar.cpp" line="65"/>
        <source>Step %1 of %2</source>
        <translation>第 %1 步，共 %2 步</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/transport_bar.cpp" line="69"/>
        <source>&amp;Speed:</source>
        <translation>速度(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/transport_bar.cpp" line="70"/>
        <source>Animation speed</source>
        <translation>动画速度</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/transport_bar.cpp" line="71"/>
        <source>Lesson progress</source>
        <translation>课程进度</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/transport_bar.cpp" line="72"/>
        <source>Drag to move through the steps</source>
        <translation>拖动以切换步骤</translation>
    </message>
</context>
<context>
    <name>Walkthrough</name>
    <message>
        <location filename="../../app/walkthrough_print.cpp" line="123"/>
        <source>No display was found, so the window did not open. To see the animated lesson:</source>
        <translation>没有找到显示器，所以窗口没有打开。要看带动画的课程：</translation>
    </message>
    <message>
        <location filename="../../app/walkthrough_print.cpp" line="124"/>
        <source>on a desktop: %1</source>
        <translation>在桌面上：%1</translation>
    </message>
    <message>
        <location filename="../../app/walkthrough_print.cpp" line="125"/>
        <source>in a virtual screen: %1</source>
        <translation>在虚拟屏幕里：%1</translation>
    </message>
    <message>
        <location filename="../../app/walkthrough_print.cpp" line="126"/>
        <source>as an image: %1</source>
        <translation>存成图片：%1</translation>
    </message>
    <message>
        <location filename="../../app/walkthrough_print.cpp" line="127"/>
        <source>Every tensor as .npy: %1</source>
        <translation>把每个张量存成 .npy：%1</translation>
    </message>
</context>
<context>
    <name>alab::ui::WhatIfBar</name>
    <message>
        <location filename="../../ui/lesson/what_if_bar.cpp" line="60"/>
        <source>What if:</source>
        <translation>假如：</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/what_if_bar.cpp" line="61"/>
        <source>divide the scores by √dₖ</source>
        <translation>分数除以 √dₖ</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/what_if_bar.cpp" line="62"/>
        <source>Switch it off to see softmax give almost everything to one word</source>
        <translation>关掉它，可以看到 softmax 几乎把全部份额给了一个词</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/what_if_bar.cpp" line="63"/>
        <source>softmax &amp;temperature</source>
        <translation>softmax 温度(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/what_if_bar.cpp" line="64"/>
        <source>Softmax temperature</source>
        <translation>Softmax 温度</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/what_if_bar.cpp" line="65"/>
        <source>softmax(s / T): below 1 sharper shares, above 1 more even</source>
        <translation>softmax(s / T)：小于 1 份额更集中，大于 1 更平均</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/what_if_bar.cpp" line="66"/>
        <source>As in the paper</source>
        <translation>恢复论文设置</translation>
    </message>
</context>
</TS>
