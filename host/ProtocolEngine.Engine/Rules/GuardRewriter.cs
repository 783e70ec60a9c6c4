using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static Microsoft.CodeAnalysis.CSharp.SyntaxFactory;

namespace ProtocolEngine.Engine.Rules;

/// <summary>
/// Writes the time-limit check into the author's code: a <c>RuleGuard.Tick()</c> at the top of every
/// loop body and a <c>RuleGuard.Enter()</c> (tick plus stack-depth check) at the top of every
/// method, accessor, local function and lambda. Expression bodies become blocks; whether a lambda
/// returns a value comes from the semantic model. Generated code outside the segments is left alone.
/// </summary>
internal sealed class GuardRewriter(SemanticModel model, GeneratedSource source) : CSharpSyntaxRewriter
{
    private static readonly StatementSyntax TickStatement = ParseStatement("global::ProtocolEngine.Contracts.Rules.RuleGuard.Tick();");
    private static readonly StatementSyntax EnterStatement = ParseStatement("global::ProtocolEngine.Contracts.Rules.RuleGuard.Enter();");

    private bool InUserCode(SyntaxNode node) => source.SegmentAt(node.SpanStart) is not null;

    private static BlockSyntax Prepend(StatementSyntax guard, StatementSyntax body) =>
        body is BlockSyntax block ? block.WithStatements(block.Statements.Insert(0, guard)) : Block(guard, body);

    private static BlockSyntax FromExpression(StatementSyntax guard, ExpressionSyntax expression, bool returnsValue) =>
        Block(guard, returnsValue ? ReturnStatement(expression.WithoutTrivia()) : ExpressionStatement(expression.WithoutTrivia()));

    private static bool ReturnsValue(TypeSyntax returnType) => !(returnType is PredefinedTypeSyntax p && p.Keyword.IsKind(SyntaxKind.VoidKeyword));

    public override SyntaxNode? VisitForStatement(ForStatementSyntax node) =>
        InUserCode(node) && base.VisitForStatement(node) is ForStatementSyntax s ? s.WithStatement(Prepend(TickStatement, s.Statement)) : base.VisitForStatement(node);

    public override SyntaxNode? VisitForEachStatement(ForEachStatementSyntax node) =>
        InUserCode(node) && base.VisitForEachStatement(node) is ForEachStatementSyntax s ? s.WithStatement(Prepend(TickStatement, s.Statement)) : base.VisitForEachStatement(node);

    public override SyntaxNode? VisitForEachVariableStatement(ForEachVariableStatementSyntax node) =>
        InUserCode(node) && base.VisitForEachVariableStatement(node) is ForEachVariableStatementSyntax s ? s.WithStatement(Prepend(TickStatement, s.Statement)) : base.VisitForEachVariableStatement(node);

    public override SyntaxNode? VisitWhileStatement(WhileStatementSyntax node) =>
        InUserCode(node) && base.VisitWhileStatement(node) is WhileStatementSyntax s ? s.WithStatement(Prepend(TickStatement, s.Statement)) : base.VisitWhileStatement(node);

    public override SyntaxNode? VisitDoStatement(DoStatementSyntax node) =>
        InUserCode(node) && base.VisitDoStatement(node) is DoStatementSyntax s ? s.WithStatement(Prepend(TickStatement, s.Statement)) : base.VisitDoStatement(node);

    public override SyntaxNode? VisitMethodDeclaration(MethodDeclarationSyntax node)
    {
        var user = InUserCode(node);
        var s = (MethodDeclarationSyntax)base.VisitMethodDeclaration(node)!;
        if (!user) return s;
        if (s.Body is not null) return s.WithBody(Prepend(EnterStatement, s.Body));
        if (s.ExpressionBody is not null)
            return s.WithExpressionBody(null).WithSemicolonToken(default)
                .WithBody(FromExpression(EnterStatement, s.ExpressionBody.Expression, ReturnsValue(s.ReturnType)));
        return s;
    }

    public override SyntaxNode? VisitLocalFunctionStatement(LocalFunctionStatementSyntax node)
    {
        var user = InUserCode(node);
        var s = (LocalFunctionStatementSyntax)base.VisitLocalFunctionStatement(node)!;
        if (!user) return s;
        if (s.Body is not null) return s.WithBody(Prepend(EnterStatement, s.Body));
        if (s.ExpressionBody is not null)
            return s.WithExpressionBody(null).WithSemicolonToken(default)
                .WithBody(FromExpression(EnterStatement, s.ExpressionBody.Expression, ReturnsValue(s.ReturnType)));
        return s;
    }

    public override SyntaxNode? VisitConstructorDeclaration(ConstructorDeclarationSyntax node)
    {
        var user = InUserCode(node);
        var s = (ConstructorDeclarationSyntax)base.VisitConstructorDeclaration(node)!;
        if (!user) return s;
        if (s.Body is not null) return s.WithBody(Prepend(EnterStatement, s.Body));
        if (s.ExpressionBody is not null)
            return s.WithExpressionBody(null).WithSemicolonToken(default).WithBody(FromExpression(EnterStatement, s.ExpressionBody.Expression, false));
        return s;
    }

    public override SyntaxNode? VisitAccessorDeclaration(AccessorDeclarationSyntax node)
    {
        var user = InUserCode(node);
        var s = (AccessorDeclarationSyntax)base.VisitAccessorDeclaration(node)!;
        if (!user) return s;
        var returnsValue = s.Keyword.IsKind(SyntaxKind.GetKeyword);
        if (s.Body is not null) return s.WithBody(Prepend(EnterStatement, s.Body));
        if (s.ExpressionBody is not null)
            return s.WithExpressionBody(null).WithSemicolonToken(default).WithBody(FromExpression(EnterStatement, s.ExpressionBody.Expression, returnsValue));
        return s;
    }

    public override SyntaxNode? VisitPropertyDeclaration(PropertyDeclarationSyntax node)
    {
        var user = InUserCode(node);
        var s = (PropertyDeclarationSyntax)base.VisitPropertyDeclaration(node)!;
        if (!user || s.ExpressionBody is null) return s;
        var getter = AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, FromExpression(EnterStatement, s.ExpressionBody.Expression, true));
        return s.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(AccessorList(SingletonList(getter)));
    }

    public override SyntaxNode? VisitOperatorDeclaration(OperatorDeclarationSyntax node)
    {
        var user = InUserCode(node);
        var s = (OperatorDeclarationSyntax)base.VisitOperatorDeclaration(node)!;
        if (!user) return s;
        if (s.Body is not null) return s.WithBody(Prepend(EnterStatement, s.Body));
        if (s.ExpressionBody is not null)
            return s.WithExpressionBody(null).WithSemicolonToken(default).WithBody(FromExpression(EnterStatement, s.ExpressionBody.Expression, true));
        return s;
    }

    public override SyntaxNode? VisitSimpleLambdaExpression(SimpleLambdaExpressionSyntax node)
    {
        var (user, returnsValue) = (InUserCode(node), LambdaReturnsValue(node));
        var s = (SimpleLambdaExpressionSyntax)base.VisitSimpleLambdaExpression(node)!;
        if (!user) return s;
        return s.Block is not null
            ? s.WithBlock(Prepend(EnterStatement, s.Block))
            : s.WithExpressionBody(null).WithBlock(FromExpression(EnterStatement, s.ExpressionBody!, returnsValue));
    }

    public override SyntaxNode? VisitParenthesizedLambdaExpression(ParenthesizedLambdaExpressionSyntax node)
    {
        var (user, returnsValue) = (InUserCode(node), LambdaReturnsValue(node));
        var s = (ParenthesizedLambdaExpressionSyntax)base.VisitParenthesizedLambdaExpression(node)!;
        if (!user) return s;
        return s.Block is not null
            ? s.WithBlock(Prepend(EnterStatement, s.Block))
            : s.WithExpressionBody(null).WithBlock(FromExpression(EnterStatement, s.ExpressionBody!, returnsValue));
    }

    public override SyntaxNode? VisitAnonymousMethodExpression(AnonymousMethodExpressionSyntax node)
    {
        var user = InUserCode(node);
        var s = (AnonymousMethodExpressionSyntax)base.VisitAnonymousMethodExpression(node)!;
        return user ? s.WithBlock(Prepend(EnterStatement, s.Block)) : s;
    }

    private bool LambdaReturnsValue(LambdaExpressionSyntax lambda) =>
        model.GetSymbolInfo(lambda).Symbol is IMethodSymbol { ReturnsVoid: false };
}
