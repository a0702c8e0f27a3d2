<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>alab::ui::ExplanationPanel</name>
    <message>
        <location filename="../../ui/lesson/explanation_panel.cpp" line="86"/>
        <source>Explanation of the step</source>
        <translation>本步讲解</translation>
    </message>
</context>
<context>
    <name>Lesson</name>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="182"/>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="125"/>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="184"/>
        <source>⋮  %1 more words</source>
        <translation>⋮  还有 %1 个词</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="11"/>
        <source>The words become vectors</source>
        <translation>词变成向量</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="33"/>
        <source>This model also adds a positional encoding to every vector, so the same word at another place in the sentence gets different numbers.</source>
        <translation>这个模型还会给每个向量加上位置编码：同一个词出现在句子的不同位置，得到的数字也不同。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="82"/>
        <source>Queries, keys and values</source>
        <translation>查询、键和值</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="136"/>
        <source>Scores: how well do two words match?</source>
        <translation>打分：两个词有多匹配？</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="14"/>
        <source>A network cannot read letters, so each word is looked up in a table of numbers. “%1” becomes the vector x₁ and “%2” becomes x₂, each %3 numbers long. Stacked as rows, they form the matrix X.</source>
        <translation>网络读不懂字母，所以每个词都要到一张数字表里查出来。“%1”变成向量 x₁，“%2”变成 x₂，每个有 %3 个数。把它们按行叠起来，就得到矩阵 X。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="19"/>
        <source>A network cannot read letters, so each word is looked up in a table of numbers. “%1” becomes the vector x₁, “%2” becomes x₂, and so on up to %3, each %4 numbers long. Stacked as rows, the %5 vectors form the matrix X.</source>
        <translation>网络读不懂字母，所以每个词都要到一张数字表里查出来。“%1”变成向量 x₁，“%2”变成 x₂，依此类推直到 %3，每个有 %4 个数。把这 %5 个向量按行叠起来，就得到矩阵 X。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="24"/>
        <source>This model is untrained: its word table and all its weight matrices hold random numbers. The arithmetic of every step is real, but what the words attend to means nothing yet.</source>
        <translation>这个模型没有训练过：词表和所有权重矩阵里都是随机数。每一步的计算都是真的，但词与词之间的关注目前还没有意义。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="28"/>
        <source>The numbers of this example were chosen by hand, as in the article, so that the arithmetic is easy to follow. A real model learns them in training.</source>
        <translation>这个例子的数字和文章里一样是手工挑选的，便于跟着算。真正的模型要在训练中学出这些数。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="37"/>
        <source>This model normalises first (pre-norm): attention reads X = LayerNorm(x), the word vectors scaled to mean 0 and variance 1 (tensor %1), not x itself.</source>
        <translation>这个模型先做归一化（pre-norm）：注意力读的是 X = LayerNorm(x)，即把词向量调整为均值 0、方差 1 之后的结果（张量 %1），而不是 x 本身。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="85"/>
        <source>Each word vector is multiplied by three weight matrices that were learned in training.</source>
        <translation>每个词向量分别乘以三个在训练中学到的权重矩阵。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="87"/>
        <source>Each word vector is multiplied by three weight matrices, here random ones: the model is untrained.</source>
        <translation>每个词向量分别乘以三个权重矩阵；这里它们是随机的，因为模型没有训练过。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="89"/>
        <source>Each word vector is multiplied by three weight matrices, chosen by hand for this example.</source>
        <translation>每个词向量分别乘以三个为这个例子手工挑选的权重矩阵。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="90"/>
        <source>X·W^Q gives every word a query (what it is looking for), X·W^K a key (what it offers) and X·W^V a value (what it passes on).</source>
        <translation>X·W^Q 给每个词一个查询（它在找什么），X·W^K 给一个键（它能提供什么），X·W^V 给一个值（它要传递什么）。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="94"/>
        <source>x has d_model = %1 numbers; q, k and v have d_k = %2. As in the paper, the %3 heads share the width: d_k = d_model / h = %1 / %3. The stage shows head %4.</source>
        <translation>x 有 d_model = %1 个数；q、k、v 各有 d_k = %2 个。和论文一样，%3 个头平分宽度：d_k = d_model / h = %1 / %3。舞台上显示的是第 %4 个头。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="98"/>
        <source>x has d_model = %1 numbers but q, k and v have d_k = %2, so W^Q is a %1 × %2 matrix. This model sets d_k itself instead of the paper’s d_model / h = %3; the article draws a small 4 × 3 W^Q.</source>
        <translation>x 有 d_model = %1 个数，而 q、k、v 各有 d_k = %2 个，所以 W^Q 是 %1 × %2 的矩阵。这个模型自己规定了 d_k，没有用论文的 d_model / h = %3；文章里画的是一个小小的 4 × 3 的 W^Q。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="140"/>
        <source>How much should “%1” look at each word? Take its query %2 and every key, multiply them number by number and add the products up: this is the dot product. Here %3. A larger score means a better match.</source>
        <translation>“%1”应该多关注每个词？取它的查询 %2 和每个键，逐个数相乘再把乘积加起来，这就是点积。这里 %3。分数越大，表示越匹配。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="190"/>
        <source>Scale by √dₖ</source>
        <translation>除以 √dₖ 缩放</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="194"/>
        <source>Divide every score by √d_k = √%1 = %2, so %3 becomes %4 and %5 becomes %6.</source>
        <translation>把每个分数除以 √d_k = √%1 = %2：%3 变成 %4，%5 变成 %6。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.cpp" line="198"/>
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
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="93"/>
        <source>Multiply each word’s value vector by its share: %1. A word with a large share keeps most of its value; a word with a small share is turned down.</source>
        <translation>把每个词的值向量乘以它的份额：%1。份额大的词保留了大部分的值；份额小的词被调弱。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="200"/>
        <source>In practice every word is done at once. One matrix product QKᵀ gives all the scores, softmax runs along each row, and a second product with V mixes the values. Row i of Z is the z_i of step 7: the same numbers as step by step (largest difference %1).</source>
        <translation>实际计算时所有词一起算。一次矩阵乘法 QKᵀ 得到全部分数，softmax 沿每一行计算，再乘以 V 混合各个值。Z 的第 i 行就是第 7 步的 z_i：和逐步计算的数字相同（最大差 %1）。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="90"/>
        <source>Weight the values</source>
        <translation>给值加权</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="134"/>
        <source>Add them up: z₁, then z₂</source>
        <translation>相加：先得 z₁，再得 z₂</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="137"/>
        <source>Adding the weighted values gives %1, the new vector for “%2”: it now carries information from the whole sentence, %3 words. The same steps for “%4” give its own shares (%5) and its vector %6.</source>
        <translation>把加权后的值相加，得到 %1，即“%2”的新向量：它现在带有整句话（%3 个词）的信息。对“%4”做同样的步骤，得到它自己的份额（%5）和它的向量 %6。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines_mix.cpp" line="194"/>
        <source>All words at once: the matrix form</source>
        <translation>一次算完所有词：矩阵形式</translation>
    </message>
    <message>
        <location filename="../../core/lessons/registry.cpp" line="12"/>
        <source>Self-attention, step by step</source>
        <translation>自注意力，一步一步</translation>
    </message>
    <message>
        <location filename="../../core/lessons/thinking_machines.h" line="71"/>
        <source>A score of −∞ comes from a mask: that word may not be looked at (it is padding, or a later word in a decoder). e^(−∞) = 0, so it gets a share of exactly 0.</source>
        <translation>−∞ 的分数来自掩码：这个词不允许被关注（它是填充，或者是解码器里后面的词）。e^(−∞) = 0，所以它的份额正好是 0。</translation>
    </message>
    <message>
        <location filename="../../core/lessons/scene_builder.cpp" line="43"/>
        <source>%1 × %2 numbers in all</source>
        <translation>共 %1 × %2 个数</translation>
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
        <location filename="../../ui/lesson/lesson_controller.cpp" line="55"/>
        <source>This input cannot be shown in the lesson: %1</source>
        <translation>这个输入无法在课程中展示：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="98"/>
        <source>Type a sentence of %1 to %2 words first.</source>
        <translation>请先输入一个 %1 到 %2 个词的句子。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="104"/>
        <source>The demo model does not know %1. Try everyday English words such as “the cat sat on the mat”, or common Chinese characters.</source>
        <translation>演示模型不认识 %1。请试试常见的英文单词，比如“the cat sat on the mat”，或常用汉字。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="107"/>
        <source>“%1” is a single word: attention needs at least %2 words to compare.</source>
        <translation>“%1”只有一个词：注意力至少需要 %2 个词才能相互比较。</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_controller.cpp" line="100"/>
        <source>That sentence has %1 words; the lesson shows at most %2.</source>
        <translation>这个句子有 %1 个词，课程最多展示 %2 个。</translation>
    </message>
</context>
<context>
    <name>alab::ui::LessonStage</name>
    <message>
        <location filename="../../ui/lesson/lesson_stage.cpp" line="265"/>
        <source>%1%2 = %3 (indices from 0, as in PyTorch)</source>
        <translation>%1%2 = %3（下标从 0 开始，与 PyTorch 相同）</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_stage.cpp" line="267"/>
        <source>computed on the way: %1</source>
        <translation>中间结果：%1</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_stage.cpp" line="353"/>
        <source>Lesson stage</source>
        <translation>课程舞台</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/lesson_stage.cpp" line="354"/>
        <source>The numbers of the current step; hover a number, or press Tab or the Down arrow, to hear where it comes from.</source>
        <translation>当前这一步的数字；把鼠标移到数字上，或按 Tab 键或下方向键，可以知道它从哪里来。</translation>
    </message>
</context>
<context>
    <name>alab::ui::LessonView</name>
    <message>
        <location filename="../../ui/lesson/lesson_view.cpp" line="110"/>
        <source>%1 / %2  ·  %3</source>
        <translation>%1 / %2  ·  %3</translation>
    </message>
</context>
<context>
    <name>alab::ui::MainWindow</name>
    <message>
        <location filename="../../ui/main_window.cpp" line="150"/>
        <source>AttentionLab — self-attention, step by step</source>
        <translation>AttentionLab — 一步一步看懂自注意力</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="151"/>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="152"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="153"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="154"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="155"/>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="156"/>
        <source>&amp;Presentation mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="157"/>
        <source>&amp;Threads…</source>
        <translation>线程数(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="158"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="159"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="160"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="161"/>
        <source>&amp;About AttentionLab</source>
        <translation>关于 AttentionLab(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="162"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="163"/>
        <source>Computing</source>
        <translation>正在计算</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="173"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="174"/>
        <source>&lt;table cellpadding=4&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Space&lt;/b&gt;&lt;/td&gt;&lt;td&gt;play / pause&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;→ / Page Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;next step&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;← / Page Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;previous step&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Home / End&lt;/b&gt;&lt;/td&gt;&lt;td&gt;first / last step&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;full screen&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;presentation mode (Esc leaves)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl + / Ctrl − / Ctrl 0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;larger / smaller / normal size&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;A presentation clicker sends Page Down and Page Up, so it works too.&lt;/p&gt;</source>
        <translation>&lt;table cellpadding=4&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;空格&lt;/b&gt;&lt;/td&gt;&lt;td&gt;播放 / 暂停&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;→ / Page Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;下一步&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;← / Page Up&lt;/b&gt;&lt;/td&gt;&lt;td&gt;上一步&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Home / End&lt;/b&gt;&lt;/td&gt;&lt;td&gt;第一步 / 最后一步&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F11&lt;/b&gt;&lt;/td&gt;&lt;td&gt;全屏&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;F5&lt;/b&gt;&lt;/td&gt;&lt;td&gt;演示模式（按 Esc 退出）&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl + / Ctrl − / Ctrl 0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;放大 / 缩小 / 原始大小&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;&lt;p&gt;翻页笔发送的正是 Page Down 和 Page Up，所以也可以直接用。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="187"/>
        <source>Threads</source>
        <translation>线程数</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="188"/>
        <source>Compute on how many threads? This computer has %1 cores.</source>
        <translation>用多少个线程计算？这台电脑有 %1 个核心。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="195"/>
        <source>About AttentionLab</source>
        <translation>关于 AttentionLab</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.cpp" line="196"/>
        <source>&lt;p&gt;&lt;b&gt;AttentionLab&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;Teaches and inspects the Transformer: every number on screen comes from a small Transformer computed on this computer.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;AttentionLab&lt;/b&gt; %1&lt;/p&gt;&lt;p&gt;用来讲解和检查 Transformer：屏幕上的每个数字都来自在这台电脑上运行的一个小型 Transformer。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>alab::ui::SentenceBar</name>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="66"/>
        <source>Your &amp;sentence:</source>
        <translation>你的句子(&amp;S)：</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="67"/>
        <source>2 to 12 words, e.g. the cat sat on the mat</source>
        <translation>2 到 12 个词，例如 the cat sat on the mat</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="68"/>
        <source>Your sentence</source>
        <translation>你的句子</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="69"/>
        <source>S&amp;eed:</source>
        <translation>种子(&amp;E)：</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="70"/>
        <source>Seed of the demo model&apos;s weights</source>
        <translation>演示模型权重的随机种子</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="71"/>
        <source>Another seed gives the demo model other random weights</source>
        <translation>换一个种子，演示模型就会得到另一组随机权重</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="72"/>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="73"/>
        <source>Run the lesson on your sentence</source>
        <translation>用你的句子运行课程</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="74"/>
        <source>&amp;Thinking Machines</source>
        <translation>Thinking Machines(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/lesson/sentence_bar.cpp" line="75"/>
        <source>Back to the worked example</source>
        <translation>回到课程的示例</translation>
    </message>
</context>
<context>
    <name>alab::ui::StepList</name>
    <message>
        <location filename="../../ui/lesson/step_list.cpp" line="78"/>
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
