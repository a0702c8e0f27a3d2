<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>alab::ui::BreakpointsPanel</name>
    <message>
        <location filename="../../ui/debugger/breakpoints_panel.cpp" line="43"/>
        <source>always</source>
        <translation>总是</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/breakpoints_panel.cpp" line="44"/>
        <source>NaN or ∞</source>
        <translation>NaN 或 ∞</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/breakpoints_panel.cpp" line="45"/>
        <source>|x| above</source>
        <translation>|x| 大于</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/breakpoints_panel.cpp" line="47"/>
        <source>a fully masked row</source>
        <translation>整行被遮蔽</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/breakpoints_panel.cpp" line="46"/>
        <source>row sum off 1 by more than</source>
        <translation>行和偏离 1 超过</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/breakpoints_panel.cpp" line="48"/>
        <source>entropy below (nats)</source>
        <translation>熵低于（奈特）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/breakpoints_panel.cpp" line="149"/>
        <source>On</source>
        <translation>启用</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/breakpoints_panel.cpp" line="149"/>
        <source>Tensor pattern</source>
        <translation>张量名模式</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/breakpoints_panel.cpp" line="149"/>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/breakpoints_panel.cpp" line="149"/>
        <source>Threshold</source>
        <translation>阈值</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/breakpoints_panel.cpp" line="152"/>
        <source>tensor pattern, e.g. decoder.*.cross_attn.weights</source>
        <translation>张量名模式，例如 decoder.*.cross_attn.weights</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/breakpoints_panel.cpp" line="153"/>
        <source>* stands for any run of characters, ? for one character</source>
        <translation>* 匹配任意一串字符，? 匹配单个字符</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/breakpoints_panel.cpp" line="157"/>
        <source>Add breakpoint</source>
        <translation>添加断点</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/breakpoints_panel.cpp" line="158"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/breakpoints_panel.cpp" line="159"/>
        <source>Continue (F5) runs to the first op, in execution order, where a breakpoint&apos;s pattern matches and its condition holds.</source>
        <translation>继续（F5）按执行顺序运行，停在第一个名字符合某个断点模式且条件成立的运算上。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/breakpoints_panel.cpp" line="49"/>
        <source>changed by an intervention by more than</source>
        <translation>被干预改变超过</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/breakpoints_panel.cpp" line="154"/>
        <source>Row sum: softmax outputs (….weights, output.probs). Fully masked row: ….mask or ….weights. Entropy: the mean row entropy of one head of ….weights. Changed by an intervention: compares this run with the intervened run (Interventions → Apply).</source>
        <translation>行和：适用于 softmax 的输出（….weights、output.probs）。整行被遮蔽：适用于 ….mask 或 ….weights。熵：….weights 中一个头的平均行熵。被干预改变：把本次运行与干预后的运行相比较（干预 → 应用）。</translation>
    </message>
</context>
<context>
    <name>alab::ui::ComparePanel</name>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="109"/>
        <source>Open a trace folder to compare with</source>
        <translation>打开用于对比的追踪文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="156"/>
        <source>%1: shape %2 here, %3 in the second run</source>
        <translation>%1：此处形状为 %2，第二次运行中为 %3</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="161"/>
        <source>Difference (this run − second run): %1</source>
        <translation>差值（本次运行 − 第二次运行）：%1</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="172"/>
        <source>Open a trace folder…</source>
        <translation>打开追踪文件夹…</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="173"/>
        <source>or a second sentence for the same model</source>
        <translation>或为同一模型输入第二个句子</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="174"/>
        <source>its target (optional)</source>
        <translation>其目标句（可选）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="175"/>
        <source>Run second sentence</source>
        <translation>运行第二个句子</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="176"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="177"/>
        <source>Tolerance</source>
        <translation>容差</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="178"/>
        <source>Absolute floor</source>
        <translation>绝对下限</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="179"/>
        <source>A tensor diverges when max |a − b| exceeds both the absolute floor and the tolerance × max |b|. The floor keeps tensors that are zero up to rounding (a LayerNorm&apos;s mean) from diverging by the relative error of their noise.</source>
        <translation>当 max |a − b| 既超过绝对下限、又超过 容差 × max |b| 时，张量判为分歧。绝对下限使那些除舍入误差外为零的张量（例如 LayerNorm 的均值）不会因噪声的相对误差而被判为分歧。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="183"/>
        <source>Go to first divergence</source>
        <translation>跳到第一个分歧处</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="184"/>
        <source>Head</source>
        <translation>头</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="185"/>
        <source>Tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="185"/>
        <source>max |a − b|</source>
        <translation>最大 |a − b|</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="185"/>
        <source>Relative</source>
        <translation>相对差</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="185"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="187"/>
        <source>max |a − b| ÷ max |b|, or ÷ (absolute floor ÷ tolerance) when that is larger</source>
        <translation>max |a − b| ÷ max |b|；若 (绝对下限 ÷ 容差) 更大，则除以它</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="190"/>
        <source>Compared with the trace folder %1.</source>
        <translation>对比对象：追踪文件夹 %1。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="193"/>
        <source>Compared with the same model on “%1”.</source>
        <translation>对比对象：同一模型在“%1”上的运行。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="195"/>
        <source>No second run. Open a trace folder or run a second sentence to compare.</source>
        <translation>还没有第二次运行。打开一个追踪文件夹，或运行第二个句子来对比。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="198"/>
        <source>%1 tensors in both runs agree within the tolerance.</source>
        <translation>两次运行共有的 %1 个张量都在容差之内一致。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="201"/>
        <source>First divergence in execution order: %1 (relative difference %2).</source>
        <translation>按执行顺序的第一个分歧：%1（相对差 %2）。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/compare_panel.cpp" line="192"/>
        <source>Compared with the intervened run (%1 intervention(s), see Interventions).</source>
        <translation>对比对象：干预后的运行（%1 项干预，见“干预”面板）。</translation>
    </message>
</context>
<context>
    <name>alab::ui::DebuggerState</name>
    <message>
        <location filename="../../ui/debugger/debugger_state.cpp" line="47"/>
        <source>The second sentence no longer fits the model (%1); the comparison was closed.</source>
        <translation>第二个句子已不适用于当前模型（%1），对比已关闭。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_run.cpp" line="26"/>
        <location filename="../../ui/debugger/intervention_run.cpp" line="54"/>
        <location filename="../../ui/debugger/second_run.cpp" line="27"/>
        <location filename="../../ui/debugger/second_run.cpp" line="48"/>
        <source>No model is loaded.</source>
        <translation>尚未加载模型。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/second_run.cpp" line="28"/>
        <source>The second sentence is empty.</source>
        <translation>第二个句子是空的。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/second_run.cpp" line="31"/>
        <source>The second sentence has %1 tokens; this model takes at most %2.</source>
        <translation>第二个句子有 %1 个词元，而这个模型最多接受 %2 个。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_run.cpp" line="55"/>
        <source>There is no intervention to apply: add one first.</source>
        <translation>没有可应用的干预：请先添加一项。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_run.cpp" line="84"/>
        <source>The interventions no longer fit this run (%1); the intervened run was closed.</source>
        <translation>这些干预已不适用于当前运行（%1），干预后的运行已关闭。</translation>
    </message>
</context>
<context>
    <name>alab::ui::DebuggerView</name>
    <message>
        <location filename="../../ui/debugger/debugger_install.cpp" line="26"/>
        <source>Debugger</source>
        <translation>调试器</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/debugger_view.cpp" line="160"/>
        <source>No breakpoint was hit; the run reached its last op.</source>
        <translation>没有命中任何断点，运行到了最后一个运算。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/debugger_view.cpp" line="166"/>
        <source>&lt;b&gt;Stopped&lt;/b&gt; at op %1 (%2) by breakpoint %3: %4</source>
        <translation>&lt;b&gt;已停下&lt;/b&gt;：第 %1 个运算（%2），断点 %3：%4</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/debugger_view.cpp" line="215"/>
        <source>Breakpoints</source>
        <translation>断点</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/debugger_view.cpp" line="216"/>
        <source>Watches</source>
        <translation>监视</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/debugger_view.cpp" line="217"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/debugger_view.cpp" line="218"/>
        <source>Why this token</source>
        <translation>为什么是这个词元</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/debugger_view.cpp" line="229"/>
        <source>Restart</source>
        <translation>从头开始</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/debugger_view.cpp" line="230"/>
        <source>Step back</source>
        <translation>后退一步</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/debugger_view.cpp" line="231"/>
        <source>Step over</source>
        <translation>单步跳过</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/debugger_view.cpp" line="232"/>
        <source>Step into</source>
        <translation>单步进入</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/debugger_view.cpp" line="233"/>
        <source>Step out</source>
        <translation>单步跳出</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/debugger_view.cpp" line="234"/>
        <source>Run to cursor</source>
        <translation>运行到光标处</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/debugger_view.cpp" line="235"/>
        <source>Continue</source>
        <translation>继续</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/debugger_view.cpp" line="130"/>
        <source>&lt;p&gt;&lt;b&gt;In the Debugger tab&lt;/b&gt; (there F5 and F11 step and run instead of presentation mode and full screen):&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;在调试器标签页中&lt;/b&gt;（这里 F5 和 F11 用于运行和单步，而不是演示模式和全屏）：&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/debugger_view.cpp" line="219"/>
        <source>Interventions</source>
        <translation>干预</translation>
    </message>
</context>
<context>
    <name>alab::ui::ExecutionTree</name>
    <message>
        <location filename="../../ui/debugger/execution_tree.cpp" line="21"/>
        <source>Inputs</source>
        <translation>输入</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/execution_tree.cpp" line="22"/>
        <source>Encoder layer %1</source>
        <translation>编码器第 %1 层</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/execution_tree.cpp" line="23"/>
        <source>Decoder inputs</source>
        <translation>解码器输入</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/execution_tree.cpp" line="24"/>
        <source>Decoder layer %1</source>
        <translation>解码器第 %1 层</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/execution_tree.cpp" line="26"/>
        <source>Masked self-attention</source>
        <translation>带掩码的自注意力</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/execution_tree.cpp" line="27"/>
        <source>Self-attention</source>
        <translation>自注意力</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/execution_tree.cpp" line="28"/>
        <source>Cross-attention</source>
        <translation>交叉注意力</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/execution_tree.cpp" line="30"/>
        <source>LayerNorm %1</source>
        <translation>层归一化 %1</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/execution_tree.cpp" line="31"/>
        <source>Residual add %1</source>
        <translation>残差相加 %1</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/execution_tree.cpp" line="32"/>
        <source>Add &amp; Norm %1</source>
        <translation>相加与归一化 %1</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/execution_tree.cpp" line="33"/>
        <source>Feed-forward</source>
        <translation>前馈网络</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/execution_tree.cpp" line="34"/>
        <source>Encoder output</source>
        <translation>编码器输出</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/execution_tree.cpp" line="35"/>
        <source>Decoder output</source>
        <translation>解码器输出</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/execution_tree.cpp" line="36"/>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/execution_tree.cpp" line="37"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/execution_tree.cpp" line="133"/>
        <source>Op (tensor)</source>
        <translation>运算（张量）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/execution_tree.cpp" line="133"/>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
</context>
<context>
    <name>alab::ui::InterventionsPanel</name>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="140"/>
        <source>No trace yet.</source>
        <translation>还没有追踪结果。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="141"/>
        <source>Target: &lt;b&gt;%1&lt;/b&gt; (the current op)</source>
        <translation>目标：&lt;b&gt;%1&lt;/b&gt;（当前运算）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="162"/>
        <source>%1 is not part of an attention, so it has no heads: choose “Whole tensor” or “One cell”.</source>
        <translation>%1 不属于注意力，没有头：请选择“整个张量”或“单个元素”。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="173"/>
        <source>“Set to” changes one cell: choose “One cell” and its row and column, or click a cell in the op&apos;s heatmap.</source>
        <translation>“设为”只改变一个元素：请选择“单个元素”并指定行和列，或在运算的热力图中点击一个格子。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="177"/>
        <source>Only “Set to” changes one cell; zero, scale and patch act on a whole tensor or a head.</source>
        <translation>只有“设为”作用于单个元素；置零、缩放和修补作用于整个张量或一个头。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="187"/>
        <source>Patching takes the values from a trace folder: open one as the second run in the Compare panel first.</source>
        <translation>修补的数值取自一个追踪文件夹：请先在“对比”面板中把它打开为第二次运行。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="192"/>
        <source>Added. “Apply” reruns the model with the list.</source>
        <translation>已添加。“应用”会带着这些干预重新运行模型。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="208"/>
        <source>As a spec for trace --intervene (counted from 0, like tensor names): %1</source>
        <translation>写成 trace --intervene 的参数（与张量名一样从 0 数起）：%1</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="220"/>
        <source>Applied: %1 tensor(s) changed. The intervened run is now the second run, so Compare, the watches and the “changed by an intervention” breakpoint show the change.</source>
        <translation>已应用：%1 个张量发生了变化。干预后的运行现在是第二次运行，“对比”面板、监视和“被干预改变”断点都会显示这些变化。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="224"/>
        <source>Not applied yet: “Apply” reruns everything downstream with these changes.</source>
        <translation>尚未应用：“应用”会带着这些改动重新计算其后的所有运算。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="226"/>
        <source>No interventions. Choose a target and a change above, then “Add”.</source>
        <translation>没有干预。请在上方选择目标和改动方式，然后点“添加”。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="238"/>
        <source>Apply to see the next-token probabilities before → after.</source>
        <translation>应用之后即可看到下一个词的概率：之前 → 之后。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="239"/>
        <source>This model has no output probabilities (no decoder).</source>
        <translation>这个模型没有输出概率（没有解码器）。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="244"/>
        <source>Next-token probabilities at target position %1 (“%2”), before → after:</source>
        <translation>目标位置 %1（“%2”）处下一个词的概率，之前 → 之后：</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="255"/>
        <source>id %1</source>
        <translation>编号 %1</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="294"/>
        <source>Whole tensor</source>
        <translation>整个张量</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="295"/>
        <source>One head of this attention</source>
        <translation>这个注意力的一个头</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="296"/>
        <source>One cell</source>
        <translation>单个元素</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="297"/>
        <source>Set to zero</source>
        <translation>置零</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="298"/>
        <source>Scale by</source>
        <translation>缩放倍数</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="299"/>
        <source>Set to</source>
        <translation>设为</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="300"/>
        <source>Patch from the second run</source>
        <translation>从第二次运行修补</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="301"/>
        <source>Head</source>
        <translation>头</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="302"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="303"/>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="304"/>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="305"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="306"/>
        <source>Clear</source>
        <translation>清空</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="307"/>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="308"/>
        <source>Token</source>
        <translation>词元</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="308"/>
        <source>Before</source>
        <translation>之前</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/interventions_panel.cpp" line="308"/>
        <source>After</source>
        <translation>之后</translation>
    </message>
</context>
<context>
    <name>alab::ui::OpView</name>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="84"/>
        <location filename="../../ui/debugger/op_view.cpp" line="141"/>
        <source>Head</source>
        <translation>头</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="99"/>
        <source>No trace yet</source>
        <translation>还没有追踪结果</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="105"/>
        <source>Op %1 of %2: &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>第 %1 / %2 个运算：&lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="119"/>
        <source>Input %1: %2</source>
        <translation>输入 %1：%2</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="124"/>
        <source>Output: %1</source>
        <translation>输出：%1</translation>
    </message>
</context>
<context>
    <name>alab::ui::SessionActions</name>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="36"/>
        <source>The weights file</source>
        <translation>权重文件</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="37"/>
        <source>The config file</source>
        <translation>配置文件</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="38"/>
        <source>The vocabulary file</source>
        <translation>词表文件</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="41"/>
        <source>%1 %2 is missing (moved or deleted).</source>
        <translation>%1 %2 不见了（已移动或删除）。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="43"/>
        <source>%1 %2 has changed since the session was saved.</source>
        <translation>%1 %2 在保存会话之后被修改过。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="74"/>
        <source>Open session</source>
        <translation>打开会话</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="75"/>
        <location filename="../../ui/debugger/session_actions.cpp" line="80"/>
        <source>AttentionLab sessions (*.alab)</source>
        <translation>AttentionLab 会话 (*.alab)</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="79"/>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="125"/>
        <source>There is no run to save yet.</source>
        <translation>还没有可保存的运行。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="127"/>
        <source>This model was given on the command line; a session can name a preset or a model opened with File → Open model.</source>
        <translation>这个模型是从命令行给出的；会话只能记录预设模型，或通过“文件 → 打开模型”打开的模型。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="132"/>
        <source>The session was not saved: %1</source>
        <translation>会话没有保存：%1</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="144"/>
        <source>The session was not opened: %1</source>
        <translation>会话没有打开：%1</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="152"/>
        <source>The model could not be loaded (%1); the current model and input are kept.</source>
        <translation>无法加载模型（%1），保留当前的模型和输入。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="168"/>
        <source>its files are missing</source>
        <translation>它的文件不见了</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="195"/>
        <source>The second run could not be restored: %1</source>
        <translation>无法恢复第二次运行：%1</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="197"/>
        <source>This run has no tensor %1; the debugger starts at the first op.</source>
        <translation>本次运行没有张量 %1，调试器从第一个运算开始。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="232"/>
        <source>Open &amp;session…</source>
        <translation>打开会话(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="233"/>
        <source>Restore a debugger session: model, input, breakpoints, watches, the second run and the views</source>
        <translation>恢复调试会话：模型、输入、断点、监视、第二次运行和视图</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="234"/>
        <source>Sa&amp;ve session…</source>
        <translation>保存会话(&amp;V)…</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="235"/>
        <source>Save the debugger&apos;s state as an .alab file</source>
        <translation>把调试器的状态保存为 .alab 文件</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="236"/>
        <source>&amp;Recent sessions</source>
        <translation>最近的会话(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="52"/>
        <source>it is not a spec text</source>
        <translation>它不是干预描述文本</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="54"/>
        <source>Intervention %1 of the session was left out: %2.</source>
        <translation>会话中的第 %1 项干预被略过：%2。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/session_actions.cpp" line="188"/>
        <source>The interventions could not be applied: %1</source>
        <translation>无法应用这些干预：%1</translation>
    </message>
</context>
<context>
    <name>alab::ui::TensorPanel</name>
    <message>
        <location filename="../../ui/debugger/tensor_panel.cpp" line="44"/>
        <source>head %1</source>
        <translation>第 %1 个头</translation>
    </message>
</context>
<context>
    <name>alab::ui::WatchesPanel</name>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="75"/>
        <location filename="../../ui/debugger/watches_panel.cpp" line="86"/>
        <source>not in this run</source>
        <translation>本次运行中没有</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="92"/>
        <source>Tensor</source>
        <translation>张量</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="92"/>
        <source>Shape</source>
        <translation>形状</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="92"/>
        <source>Min</source>
        <translation>最小值</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="92"/>
        <source>Max</source>
        <translation>最大值</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="92"/>
        <source>Mean</source>
        <translation>均值</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="92"/>
        <source>Std</source>
        <translation>标准差</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="92"/>
        <source>NaN</source>
        <translation>NaN</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="92"/>
        <source>±∞</source>
        <translation>±∞</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="101"/>
        <source>Watch current op</source>
        <translation>监视当前运算</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="102"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="51"/>
        <source>NaN/∞ at different places</source>
        <translation>NaN/∞ 位置不同</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="52"/>
        <source>shapes differ</source>
        <translation>形状不同</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="70"/>
        <source>intervened run</source>
        <translation>干预后的运行</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="70"/>
        <source>second run</source>
        <translation>第二次运行</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="82"/>
        <source>this run</source>
        <translation>本次运行</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="87"/>
        <source>not in the %1</source>
        <translation>%1中没有</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="94"/>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/watches_panel.cpp" line="95"/>
        <source>max |a − b|</source>
        <translation>最大 |a − b|</translation>
    </message>
</context>
<context>
    <name>alab::ui::WhyGridModel</name>
    <message>
        <location filename="../../ui/debugger/why_grid_model.cpp" line="54"/>
        <source>Encoder %1 · self-attention</source>
        <translation>编码器 %1 · 自注意力</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_grid_model.cpp" line="55"/>
        <source>Decoder %1 · self-attention</source>
        <translation>解码器 %1 · 自注意力</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_grid_model.cpp" line="56"/>
        <source>Decoder %1 · cross-attention</source>
        <translation>解码器 %1 · 交叉注意力</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_grid_model.cpp" line="58"/>
        <source>Decoder %1 · FFN</source>
        <translation>解码器 %1 · FFN</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_grid_model.cpp" line="58"/>
        <source>Encoder %1 · FFN</source>
        <translation>编码器 %1 · FFN</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_grid_model.cpp" line="60"/>
        <source>Target embedding</source>
        <translation>目标词嵌入</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_grid_model.cpp" line="62"/>
        <source>Positional encoding</source>
        <translation>位置编码</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_grid_model.cpp" line="64"/>
        <source>Biases and LayerNorm β</source>
        <translation>偏置与 LayerNorm β</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_grid_model.cpp" line="84"/>
        <source>%1, head %2</source>
        <translation>%1，头 %2</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_grid_model.cpp" line="86"/>
        <source>Click to open %1</source>
        <translation>点击打开 %1</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_grid_model.cpp" line="100"/>
        <source>Whole</source>
        <translation>整体</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_grid_model.cpp" line="101"/>
        <source>Parts not split into heads: an FFN, the target embedding, the positional encoding, the biases</source>
        <translation>不按头拆分的部分：FFN、目标词嵌入、位置编码、偏置</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_grid_model.cpp" line="104"/>
        <source>Head %1</source>
        <translation>头 %1</translation>
    </message>
</context>
<context>
    <name>alab::ui::WhyPanel</name>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="50"/>
        <source>There was not enough memory to rerun the forward pass.</source>
        <translation>内存不足，无法重新运行前向计算。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="54"/>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="144"/>
        <source>“Why this token” needs a decoder pass: give the model a target to read.</source>
        <translation>“为什么是这个词元”需要解码器的计算：请给模型一个要读取的目标序列。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="158"/>
        <location filename="../../ui/debugger/why_panel.cpp" line="331"/>
        <source>after %1</source>
        <translation>在 %1 之后</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="163"/>
        <location filename="../../ui/debugger/why_panel.cpp" line="328"/>
        <source>(none: logit of A alone)</source>
        <translation>（无：只看 A 的 logit）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="165"/>
        <source>p = %1</source>
        <translation>p = %1</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="231"/>
        <source>%1 is not a token of this model&apos;s target vocabulary.</source>
        <translation>%1 不在这个模型的目标词表中。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="241"/>
        <source>Rerunning the forward pass once per head and FFN…</source>
        <translation>正在为每个头和每个 FFN 各重新运行一次前向计算…</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="242"/>
        <source>Computing…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="271"/>
        <source>Why %1 (p = %2) rather than %3 (p = %4) at position %5?</source>
        <translation>为什么在位置 %5 上是 %1（p = %2）而不是 %3（p = %4）？</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="272"/>
        <source>logit(%1) − logit(%2)</source>
        <translation>logit(%1) − logit(%2)</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="273"/>
        <source>Orange pushes towards %1, blue towards %2.</source>
        <translation>橙色推向 %1，蓝色推向 %2。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="275"/>
        <source>What makes up the logit of %1 (p = %2) at position %3?</source>
        <translation>在位置 %3 上，%1（p = %2）的 logit 由哪些部分组成？</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="276"/>
        <source>logit(%1)</source>
        <translation>logit(%1)</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="277"/>
        <source>Orange raises the logit of %1, blue lowers it.</source>
        <translation>橙色提高 %1 的 logit，蓝色降低它。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="281"/>
        <source>&lt;b&gt;Sum of all cells: %1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; %2 in the run: &lt;b&gt;%3&lt;/b&gt;</source>
        <translation>&lt;b&gt;所有格子之和：%1&lt;/b&gt; &amp;nbsp;·&amp;nbsp; 本次运行中的 %2：&lt;b&gt;%3&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="283"/>
        <source>Sum of all cells: %1 &amp;nbsp;·&amp;nbsp; %2 in the run: &lt;b&gt;%3&lt;/b&gt;. Removing parts one at a time does not add up: they overlap and interact.</source>
        <translation>所有格子之和：%1 &amp;nbsp;·&amp;nbsp; 本次运行中的 %2：&lt;b&gt;%3&lt;/b&gt;。逐个移除各部分的效果并不能相加：它们彼此重叠、相互作用。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="287"/>
        <source>Cells are rounded to %1 decimals; the sum is of the exact values. Click a head to open its attention weights.</source>
        <translation>格子中的数四舍五入到 %1 位小数；总和按精确值计算。点击一个头可打开它的注意力权重。</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="304"/>
        <source>Decoder %1 · cross-attention</source>
        <translation>解码器 %1 · 交叉注意力</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="315"/>
        <source>Position</source>
        <translation>位置</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="316"/>
        <source>The decoder position whose next-token prediction is explained, counted from 1</source>
        <translation>要解释其下一个词元预测的解码器位置，从 1 开始计数</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="317"/>
        <source>Token A</source>
        <translation>词元 A</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="318"/>
        <source>versus B</source>
        <translation>对比 B</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="319"/>
        <source>Method</source>
        <translation>方法</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="320"/>
        <source>Direct attribution (adds up)</source>
        <translation>直接归因（可相加）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="321"/>
        <source>Ablation (one rerun per part)</source>
        <translation>消融（每个部分重跑一次）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="322"/>
        <source>Each part&apos;s output followed along the decoder&apos;s residual stream to the logits, every LayerNorm on it frozen at this run&apos;s scale</source>
        <translation>沿解码器的残差流把每个部分的输出一直追踪到 logits，流上的每个 LayerNorm 都固定为本次运行的缩放</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/why_panel.cpp" line="325"/>
        <source>The drop in the logit difference when a head&apos;s context or an FFN&apos;s hidden layer is set to zero and the pass rerun; reaches the encoder too</source>
        <translation>把一个头的 context 或一个 FFN 的隐藏层置零并重新运行后 logit 差值的下降；也覆盖编码器</translation>
    </message>
</context>
<context>
    <name>alab::ui::BreakReason</name>
    <message>
        <location filename="../../ui/debugger/break_reason.cpp" line="17"/>
        <source>row %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/break_reason.cpp" line="17"/>
        <source>row %1 of head %2</source>
        <translation>第 %2 个头的第 %1 行</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/break_reason.cpp" line="29"/>
        <source>the name matches %1</source>
        <translation>名字符合 %1</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/break_reason.cpp" line="31"/>
        <source>%1 NaN or infinite value(s), the first (%2) at %3, counting from 1</source>
        <translation>有 %1 个 NaN 或无穷值，第一个（%2）位于 %3（从 1 数起）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/break_reason.cpp" line="34"/>
        <source>|x| = %1 &gt; %2 at %3, counting from 1</source>
        <translation>|x| = %1 &gt; %2，位于 %3（从 1 数起）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/break_reason.cpp" line="36"/>
        <source>%1 sums to %2 (off 1 by more than %3)</source>
        <translation>%1 的和为 %2（偏离 1 超过 %3）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/break_reason.cpp" line="39"/>
        <source>%1 is fully masked: this query may attend to no key</source>
        <translation>%1 被整行遮蔽：这个查询不能关注任何键</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/break_reason.cpp" line="41"/>
        <source>%1 has all-zero attention weights: every key was masked</source>
        <translation>%1 的注意力权重全为 0：所有键都被遮蔽了</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/break_reason.cpp" line="43"/>
        <source>head %1 has collapsed: its mean row entropy is %2 nats, below %3</source>
        <translation>第 %1 个头已塌缩：平均行熵为 %2 奈特，低于 %3</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/break_reason.cpp" line="45"/>
        <source>%1 value(s) changed by the intervention, the largest by %2 at %3 (%4 → %5), counting from 1</source>
        <translation>有 %1 个值被干预改变，最大改变量为 %2，位于 %3（%4 → %5，从 1 数起）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/break_reason.cpp" line="48"/>
        <source>shape %1 before the intervention, %2 after</source>
        <translation>干预前形状为 %1，干预后为 %2</translation>
    </message>
</context>
<context>
    <name>alab::ui::DebuggerFormula</name>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="22"/>
        <source>Q = X·W_Q (one block of d_k columns per head)</source>
        <translation>Q = X·W_Q（每个头占 d_k 列）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="23"/>
        <source>S / √d_k   (−∞ where the mask is 0)</source>
        <translation>S / √d_k   （掩码为 0 处为 −∞）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="24"/>
        <source>mask_ij = 1 if j ≤ i (causal), else 0</source>
        <translation>mask_ij = 1 当 j ≤ i（因果），否则为 0</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="25"/>
        <source>mask_ij = 1 unless key j is padding</source>
        <translation>mask_ij = 1，除非键 j 是填充</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="26"/>
        <source>A = softmax(QKᵀ / √d_k), row by row</source>
        <translation>A = softmax(QKᵀ / √d_k)，逐行计算</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="27"/>
        <source>μ = mean of each row</source>
        <translation>μ = 每一行的均值</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="28"/>
        <source>1/σ = 1 / √(var + ε), each row</source>
        <translation>1/σ = 1 / √(var + ε)，逐行计算</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="29"/>
        <source>h = act(x·W_1 + b_1)   (act: ReLU or GELU)</source>
        <translation>h = act(x·W_1 + b_1)   （act：ReLU 或 GELU）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="30"/>
        <source>the layer&apos;s output</source>
        <translation>该层的输出</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="31"/>
        <source>the last layer&apos;s output</source>
        <translation>最后一层的输出</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="32"/>
        <source>E[token] · √d_model</source>
        <translation>E[词元] · √d_model</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="33"/>
        <source>x = E[token]·√d_model + PE</source>
        <translation>x = E[词元]·√d_model + PE</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="34"/>
        <source>y = E[token]·√d_model + PE</source>
        <translation>y = E[词元]·√d_model + PE</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/op_view.cpp" line="35"/>
        <source>P = softmax(logits), row by row</source>
        <translation>P = softmax(logits)，逐行计算</translation>
    </message>
</context>
<context>
    <name>alab::ui::DebuggerStats</name>
    <message>
        <location filename="../../ui/debugger/stats_text.cpp" line="13"/>
        <source>shape %1 · min %2 · max %3 · mean %4 · std %5 · NaN %6 · +∞ %7 · −∞ %8</source>
        <translation>形状 %1 · 最小 %2 · 最大 %3 · 均值 %4 · 标准差 %5 · NaN %6 · +∞ %7 · −∞ %8</translation>
    </message>
</context>
<context>
    <name>alab::ui::InterventionText</name>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="28"/>
        <source>Encoder layer %1 self-attention</source>
        <translation>编码器第 %1 层自注意力</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="29"/>
        <source>Decoder layer %1 masked self-attention</source>
        <translation>解码器第 %1 层带掩码的自注意力</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="30"/>
        <source>Decoder layer %1 cross-attention</source>
        <translation>解码器第 %1 层交叉注意力</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="39"/>
        <source>%1, head %2</source>
        <translation>%1，第 %2 个头</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="41"/>
        <source>%1 (row %2, column %3)</source>
        <translation>%1（第 %2 行，第 %3 列）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="43"/>
        <source>%1 (head %2, row %3, column %4)</source>
        <translation>%1（第 %2 个头，第 %3 行，第 %4 列）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="64"/>
        <source>a spec is one line of text without control characters</source>
        <translation>干预描述必须是一行不含控制字符的文本</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="66"/>
        <source>write it as TARGET:ACTION, e.g. %1</source>
        <translation>请写成 目标:动作，例如 %1</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="68"/>
        <source>the head must be a whole number (counted from 0 in a spec)</source>
        <translation>头必须是整数（在描述文本中从 0 数起）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="70"/>
        <source>“%1” is not an attention, so it has no heads</source>
        <translation>“%1”不是注意力，没有头</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="72"/>
        <source>unknown action “%1” (zero, scale=X, set=X or patch-from=DIR)</source>
        <translation>未知的动作“%1”（可用 zero、scale=X、set=X 或 patch-from=DIR）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="74"/>
        <source>%1 needs a finite number</source>
        <translation>%1 需要一个有限的数</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="76"/>
        <source>patch-from needs a trace folder</source>
        <translation>patch-from 需要一个追踪文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="78"/>
        <source>the target is not written as TENSOR, TENSOR[i,j] or ATTENTION.head=H</source>
        <translation>目标的写法不是 张量、张量[i,j] 或 注意力.head=H</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="80"/>
        <source>%1 is a LayerNorm statistic, read off the tensor it normalises: change that tensor instead</source>
        <translation>%1 是 LayerNorm 的统计量，由它所归一化的张量算出：请改动那个张量</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="82"/>
        <source>this run has no tensor %1 (nearest: %2)</source>
        <translation>本次运行中没有张量 %1（最接近的：%2）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="84"/>
        <source>head %1 is out of range: this attention has heads 1 to %2</source>
        <translation>第 %1 个头超出范围：这个注意力只有第 1 到第 %2 个头</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="86"/>
        <source>set changes one cell: give %1 indices (shape %2)</source>
        <translation>set 只改变一个元素：请给出 %1 个下标（形状 %2）</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="88"/>
        <source>only “set” takes a cell; zero, scale and patch act on the whole tensor</source>
        <translation>只有“set”作用于单个元素；zero、scale 和 patch 作用于整个张量</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="90"/>
        <source>cell %1 (counting from 1) is outside the shape %2</source>
        <translation>元素 %1（从 1 数起）超出了形状 %2</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="92"/>
        <source>%1 holds no tensor %2</source>
        <translation>%1 中没有张量 %2</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="94"/>
        <source>%1 has shape %2 in %3 but %4 in this run</source>
        <translation>%1 在 %3 中的形状是 %2，在本次运行中是 %4</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="125"/>
        <source>%1: set to zero</source>
        <translation>%1：置零</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="126"/>
        <source>%1: scaled by %2</source>
        <translation>%1：乘以 %2</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="127"/>
        <source>%1: set to %2</source>
        <translation>%1：设为 %2</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="129"/>
        <source>%1: patched from %2</source>
        <translation>%1：从 %2 修补</translation>
    </message>
    <message>
        <location filename="../../ui/debugger/intervention_text.cpp" line="145"/>
        <source>Intervention “%1”: %2</source>
        <translation>干预“%1”：%2</translation>
    </message>
</context>
</TS>
