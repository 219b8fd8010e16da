namespace FitCoach.Application.Common.Ports;

/// <summary>
/// How well each knowledge namespace matches a question, from a cheap local pass over the corpus: the topic router
/// uses it to choose namespaces beyond those its topic words name. Provider-independent: with Upstash configured the
/// choice is still made in-process, and only the chosen namespaces are searched remotely.
/// </summary>
public interface INamespaceAffinity
{
    /// <summary>Namespaces with any match, best first, each with its best document's score in [0, 1].</summary>
    IReadOnlyList<(string Namespace, double Score)> Rank(string question);
}
