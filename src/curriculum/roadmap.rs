//! The Python Developer Roadmap: its 16 topics and 86 bullets, the yardstick of coverage.

/// A roadmap topic: number, title and bullets, spelled exactly as in ROADMAP.md.
pub struct RoadmapTopic {
    /// 1 to 16.
    pub number: u32,
    /// The topic's title.
    pub title: &'static str,
    /// Its bullets.
    pub bullets: &'static [&'static str],
}

/// Every topic of the roadmap, in order.
pub const TOPICS: &[RoadmapTopic] = &[
    RoadmapTopic {
        number: 1,
        title: "Programming Fundamentals",
        bullets: &[
            "Variables and Data Types",
            "Operators and Expressions",
            "Control Structures (if, else, loops)",
            "Functions and Scope",
            "Exception Handling",
            "Object-Oriented Programming (OOP) Basics",
            "File Handling",
        ],
    },
    RoadmapTopic {
        number: 2,
        title: "Intermediate Python",
        bullets: &[
            "Modules and Packages",
            "Virtual Environments",
            "Regular Expressions",
            "Testing (unittest, pytest)",
            "Context Managers (with statement)",
            "Concurrency and Threading",
            "Asynchronous Programming (async/await)",
            "Closures and Lexical Scoping",
            "Memory Management and Optimization",
        ],
    },
    RoadmapTopic {
        number: 3,
        title: "Advanced Python",
        bullets: &[
            "Metaclasses",
            "Design Patterns (Singleton, Factory, etc.)",
            "Debugging Techniques",
            "Profiling and Performance Tuning",
            "Custom Context Managers",
            "Custom Decorators",
            "Custom Exceptions",
            "Advanced OOP (Inheritance, Composition, Polymorphism)",
            "Python Internals and CPython",
        ],
    },
    RoadmapTopic {
        number: 4,
        title: "Python Web Development",
        bullets: &[
            "Web Frameworks (Flask, Django)",
            "RESTful APIs",
            "Templating Engines",
            "ORM (Object-Relational Mapping)",
            "Authentication and Authorization",
            "Deployment and Hosting",
            "Web Security (Cross-Site Scripting, SQL Injection)",
            "Websockets and Real-Time Applications",
        ],
    },
    RoadmapTopic {
        number: 5,
        title: "Databases",
        bullets: &[
            "Relational Databases (SQL)",
            "Database Design Principles",
            "Indexing and Query Optimization",
            "PostgreSQL",
            "NoSQL Databases (MongoDB, Redis)",
            "Database Migrations",
            "Database Transactions and ACID",
        ],
    },
    RoadmapTopic {
        number: 6,
        title: "Version Control and Collaboration",
        bullets: &[
            "Git and Version Control Basics",
            "Collaboration Workflows (GitFlow)",
            "Pull Requests and Code Reviews",
            "Continuous Integration (CI/CD)",
        ],
    },
    RoadmapTopic {
        number: 7,
        title: "Software Development Best Practices",
        bullets: &[
            "Clean Code Principles and Code Smells (Code Optimization)",
            "Code Documentation (docstrings, comments)",
            "Unit Testing and Test-Driven Development",
            "Design by Contract",
            "SOLID Principles",
        ],
    },
    RoadmapTopic {
        number: 8,
        title: "Data Manipulation and Analysis",
        bullets: &[
            "NumPy and Pandas Libraries",
            "Data Visualization (Matplotlib, Seaborn)",
            "Data Cleaning and Preprocessing",
            "Exploratory Data Analysis (EDA)",
            "Statistical Analysis with Python",
        ],
    },
    RoadmapTopic {
        number: 9,
        title: "APIs and Libraries",
        bullets: &[
            "Working with RESTful APIs",
            "Consuming JSON/XML data",
            "Third-Party Libraries (Requests, BeautifulSoup)",
            "API Authentication (OAuth, JWT)",
        ],
    },
    RoadmapTopic {
        number: 10,
        title: "Project Management and Tools",
        bullets: &[
            "Project Structure and Organization",
            "Dependency Management (pip)",
            "Build Tools (setuptools, Makefile)",
            "Virtualization and Containers (Docker)",
            "Package Distribution (PyPI)",
            "Project Documentation (Sphinx)",
        ],
    },
    RoadmapTopic {
        number: 11,
        title: "Web Scraping and Automation",
        bullets: &[
            "Beautiful Soup and Scrapy",
            "Web Scraping Ethics and Best Practices",
            "Browser Automation with Selenium",
        ],
    },
    RoadmapTopic {
        number: 12,
        title: "Machine Learning with Python",
        bullets: &[
            "scikit-learn Library",
            "Data Preprocessing and Feature Engineering",
            "Model Training, Evaluation, and Tuning",
            "Model Deployment and Serving",
        ],
    },
    RoadmapTopic {
        number: 13,
        title: "Natural Language Processing (NLP)",
        bullets: &[
            "Tokenization and Text Processing",
            "Named Entity Recognition",
            "Sentiment Analysis",
            "Language Modeling",
        ],
    },
    RoadmapTopic {
        number: 14,
        title: "DevOps and Cloud Services",
        bullets: &[
            "Deployment Strategies (Blue-Green, Canary)",
            "Cloud Platforms (AWS, Azure, GCP)",
            "Infrastructure as Code (Terraform)",
            "Monitoring and Logging",
        ],
    },
    RoadmapTopic {
        number: 15,
        title: "Advanced Topics (Optional)",
        bullets: &[
            "Functional Programming Concepts",
            "Blockchain and Cryptocurrency Basics",
            "Quantum Computing with Python",
        ],
    },
    RoadmapTopic {
        number: 16,
        title: "Interview Preparation",
        bullets: &[
            "Data Structures (Lists, Stacks, Queues, etc.)",
            "Algorithms (Sorting, Searching)",
            "Problem Solving and Coding Challenges",
            "System Design and Scalability",
        ],
    },
];

/// The number of the topic a bullet belongs to.
pub fn find_bullet(bullet: &str) -> Option<u32> {
    TOPICS
        .iter()
        .find(|t| t.bullets.contains(&bullet))
        .map(|t| t.number)
}

/// The roadmap topic with this number.
pub fn topic(number: u32) -> Option<&'static RoadmapTopic> {
    TOPICS.iter().find(|t| t.number == number)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_16_topics_and_86_bullets() {
        assert_eq!(TOPICS.len(), 16);
        assert_eq!(TOPICS.iter().map(|t| t.bullets.len()).sum::<usize>(), 86);
        assert_eq!(find_bullet("Metaclasses"), Some(3));
    }
}
