using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ProtocolEngine.Rules.Roslyn;

/// <summary>
/// Writes the time-limit check into the author's code: at the top of every loop body a count in a
/// local of the enclosing function that calls <c>RuleGuard.Lap()</c> (the clock) every 1024
/// iterations, and a <c>RuleGuard.Enter()</c> (tick plus stack-depth check) at the top of every
/// method, accessor, local function and lambda. Expression bodies become blocks; whether a lambda
/// returns a value comes from the semantic model. Generated code outside the segments is left alone.
/// </summary>
internal sealed class GuardRewriter(SemanticModel model, GeneratedSource source) : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax TickStatement = ParseStatement("global::ProtocolEngine.Contracts.Rules.RuleGuard.Tick();");
    private static readonly StatementSyntax EnterStatement = ParseStatement("global::ProtocolEngine.Contracts.Rules.RuleGuard.Enter();");

    /// <summary>Per function being rewritten: the name of its loop counter, once a loop asked for one.</summary>
    private readonly Stack<string?> _counters = new();
    private int _nextCounter;

    private bool InUserCode(SyntaxNode node) => source.SegmentAt(node.SpanStart) is not null;

    /// <summary>The guard at the top of a loop body: a local count, the clock every 1024 laps.</summary>
    private StatementSyntax LoopGuard()
    {
        if (_counters.Count == 0)
            return TickStatement;
        var name = _counters.Pop() ?? $"__laps{_nextCounter++}";
        _counters.Push(name);
        return ParseStatement($"if ((++{name} & 1023) == 0) global::ProtocolEngine.Contracts.Rules.RuleGuard.Lap();");
    }

    /// <summary>Visits a function's children with a fresh loop counter context; gives the statements its body starts with.</summary>
    private T VisitFunction<T>(T node, Func<T, SyntaxNode?> visit, out StatementSyntax[] guard) where T : SyntaxNode
    {
        _counters.Push(null);
        var result = (T)visit(node)!;
        var name = _counters.Pop();
        guard = name is null ? [EnterStatement] : [EnterStatement, ParseStatement($"int {name} = 0;")];
        return result;
    }

    private static BlockSyntax Prepend(StatementSyntax[] guard, StatementSyntax body) =>
        body is BlockSyntax block ? block.WithStatements(block.Statements.InsertRange(0, guard)) : Block(guard.Append(body));

    private static BlockSyntax Prepend(StatementSyntax guard, StatementSyntax body) => Prepend([guard], body);

    private static BlockSyntax FromExpression(StatementSyntax[] guard, ExpressionSyntax expression, bool returnsValue) =>
        Block(guard.Append(returnsValue ? ReturnStatement(expression.WithoutTrivia()) : ExpressionStatement(expression.WithoutTrivia())));

    private static bool ReturnsValue(TypeSyntax returnType) => !(returnType is PredefinedTypeSyntax p && p.Keyword.IsKind(SyntaxKind.VoidKeyword));

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node) =>
        InUserCode(node) && base.VisitForStatement(node) is ForStatementSyntax s ? s.WithStatement(Prepend(LoopGuard(), s.Statement)) : base.VisitForStatement(node);

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node) =>
        InUserCode(node) && base.VisitForEachStatement(node) is ForEachStatementSyntax s ? s.WithStatement(Prepend(LoopGuard(), s.Statement)) : base.VisitForEachStatement(node);

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node) =>
        InUserCode(node) && base.VisitForEachVariableStatement(node) is ForEachVariableStatementSyntax s ? s.WithStatement(Prepend(LoopGuard(), s.Statement)) : base.VisitForEachVariableStatement(node);

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node) =>
        InUserCode(node) && base.VisitWhileStatement(node) is WhileStatementSyntax s ? s.WithStatement(Prepend(LoopGuard(), s.Statement)) : base.VisitWhileStatement(node);

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node) =>
        InUserCode(node) && base.VisitDoStatement(node) is DoStatementSyntax s ? s.WithStatement(Prepend(LoopGuard(), s.Statement)) : base.VisitDoStatement(node);

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var user = InUserCode(node);
        var s = VisitFunction(node, n => base.VisitMethodDeclaration(n), out var guard);
        return user ? GuardBody(s, guard, ReturnsValue(s.ReturnType)) : s;
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var user = InUserCode(node);
        var s = VisitFunction(node, n => base.VisitLocalFunctionStatement(n), out var guard);
        if (!user) return s;
        if (s.Body is not null) return s.WithBody(Prepend(guard, s.Body));
        if (s.ExpressionBody is not null)
            return s.WithExpressionBody(null).WithSemicolonToken(default)
                .WithBody(FromExpression(guard, s.ExpressionBody.Expression, ReturnsValue(s.ReturnType)));
        return s;
    }

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node)
    {
        var user = InUserCode(node);
        var s = VisitFunction(node, n => base.VisitConstructorDeclaration(n), out var guard);
        return user ? GuardBody(s, guard, returnsValue: false) : s;
    }

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var user = InUserCode(node);
        var s = VisitFunction(node, n => base.VisitAccessorDeclaration(n), out var guard);
        if (!user) return s;
        var returnsValue = s.Keyword.IsKind(SyntaxKind.GetKeyword);
        if (s.Body is not null) return s.WithBody(Prepend(guard, s.Body));
        if (s.ExpressionBody is not null)
            return s.WithExpressionBody(null).WithSemicolonToken(default).WithBody(FromExpression(guard, s.ExpressionBody.Expression, returnsValue));
        return s;
    }

    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var user = InUserCode(node);
        var s = VisitFunction(node, n => base.VisitPropertyDeclaration(n), out var guard);
        if (!user || s.ExpressionBody is null) return s;
        var getter = AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, FromExpression(guard, s.ExpressionBody.Expression, true));
        return s.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(AccessorList(SingletonList(getter)));
    }

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node)
    {
        var user = InUserCode(node);
        var s = VisitFunction(node, n => base.VisitOperatorDeclaration(n), out var guard);
        return user ? GuardBody(s, guard, returnsValue: true) : s;
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var (user, returnsValue) = (InUserCode(node), LambdaReturnsValue(node));
        var s = VisitFunction(node, n => base.VisitSimpleLambdaExpression(n), out var guard);
        return user ? GuardLambda(s, guard, returnsValue) : s;
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var (user, returnsValue) = (InUserCode(node), LambdaReturnsValue(node));
        var s = VisitFunction(node, n => base.VisitParenthesizedLambdaExpression(n), out var guard);
        return user ? GuardLambda(s, guard, returnsValue) : s;
    }

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var user = InUserCode(node);
        var s = VisitFunction(node, n => base.VisitAnonymousMethodExpression(n), out var guard);
        return user ? s.WithBlock(Prepend(guard, s.Block)) : s;
    }

    /// <summary>The guard first in a method's, constructor's or operator's body (an expression body becomes a block).</summary>
    private static SyntaxNode GuardBody(BaseMethodDeclarationSyntax s, StatementSyntax[] guard, bool returnsValue) =>
        s.Body is not null ? s.WithBody(Prepend(guard, s.Body))
        : s.ExpressionBody is not null ? s.WithExpressionBody(null).WithSemicolonToken(default).WithBody(FromExpression(guard, s.ExpressionBody.Expression, returnsValue))
        : s;

    /// <summary>The guard first in a lambda's body (an expression body becomes a block).</summary>
    private static SyntaxNode GuardLambda(LambdaExpressionSyntax s, StatementSyntax[] guard, bool returnsValue) =>
        s.Block is not null ? s.WithBlock(Prepend(guard, s.Block)) : s.WithExpressionBody(null).WithBlock(FromExpression(guard, s.ExpressionBody!, returnsValue));

    private bool LambdaReturnsValue(LambdaExpressionSyntax lambda) =>
        model.GetSymbolInfo(lambda).Symbol is IMethodSymbol { ReturnsVoid: false };
}
