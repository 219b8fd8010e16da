using FitCoach.Application.Common.Behaviors;
using FitCoach.Application.Common.Exceptions;
using FluentValidation;
using Xunit;

namespace FitCoach.Application.UnitTests.Behaviors;

public sealed class ValidationBehaviorTests
{
    private sealed class ValueValidator : AbstractValidator<PlainCommand>
    {
        public ValueValidator() => RuleFor(x => x.Value).NotEmpty().MaximumLength(3);
    }

    private sealed class NoDigitsValidator : AbstractValidator<PlainCommand>
    {
        public NoDigitsValidator() => RuleFor(x => x.Value).Must(v => !v.Any(char.IsDigit)).WithMessage("No digits.");
    }

    [Fact]
    public async Task Handle_WhenValid_CallsTheHandler()
    {
        var behavior = new ValidationBehavior<PlainCommand, string>([new ValueValidator(), new NoDigitsValidator()]);

        var result = await behavior.Handle(new PlainCommand("abc"), TestContext.Current.CancellationToken, () => Task.FromResult("ok"));

        Assert.Equal("ok", result);
    }

    [Fact]
    public async Task Handle_WhenSeveralValidatorsFail_ReportsEveryMessageUnderTheCamelCaseField()
    {
        var behavior = new ValidationBehavior<PlainCommand, string>([new ValueValidator(), new NoDigitsValidator()]);

        var ex = await Assert.ThrowsAsync<RequestValidationException>(() =>
            behavior.Handle(new PlainCommand("a1234"), TestContext.Current.CancellationToken, () => Task.FromResult("ok")));

        var messages = Assert.Single(ex.Errors, e => e.Key == "value").Value;
        Assert.Equal(2, messages.Length);
        Assert.Contains("No digits.", messages);
    }

    [Theory]
    [InlineData("Name", "name")]
    [InlineData("PrimaryMuscles[0]", "primaryMuscles[0]")]
    [InlineData("Profile.WeightKg", "profile.weightKg")]
    public void FieldName_UsesTheJsonSpelling(string property, string expected) =>
        Assert.Equal(expected, ValidationBehavior<PlainCommand, string>.FieldName(property));
}
